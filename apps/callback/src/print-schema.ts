import { buildCallbackSchema } from './schema';

buildCallbackSchema().then(({ sdl }) => process.stdout.write(sdl));
