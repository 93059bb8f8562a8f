import { buildAsyncApi } from './asyncapi';

process.stdout.write(`${JSON.stringify(buildAsyncApi(), null, 2)}\n`);
