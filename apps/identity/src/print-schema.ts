import { buildIdentitySchema } from './schema';

buildIdentitySchema().then(({ sdl }) => process.stdout.write(sdl));
