import { BaseConfigSchema } from '@hotline/service-kit';
import { z } from 'zod';

export const DispatchConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(4103),
  /** 分转时限: minutes from signature to dispatch. */
  DISPATCH_LIMIT_MINUTES: z.coerce.number().int().min(1).default(30),
  /** How often the routing model retrains from the dispatch history (0 = only on demand). */
  MODEL_RETRAIN_MINUTES: z.coerce.number().int().min(0).default(24 * 60),
});
