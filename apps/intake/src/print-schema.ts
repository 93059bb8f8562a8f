import { buildIntakeSchema } from './schema';

buildIntakeSchema().then(({ sdl }) => process.stdout.write(sdl));
