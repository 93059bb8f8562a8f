import { buildPublicitySchema } from './schema';

buildPublicitySchema().then(({ sdl }) => process.stdout.write(sdl));
