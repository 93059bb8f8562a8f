import { buildDispatchSchema } from './schema';

buildDispatchSchema().then(({ sdl }) => process.stdout.write(sdl));
