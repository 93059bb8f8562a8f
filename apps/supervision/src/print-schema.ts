import { buildSupervisionSchema } from './schema';

buildSupervisionSchema().then(({ sdl }) => process.stdout.write(sdl));
