import { BaseConfigSchema } from '@hotline/service-kit';
import { z } from 'zod';

export const IntakeConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(4102),
});
