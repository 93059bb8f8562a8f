import { BaseConfigSchema } from '@hotline/service-kit';
import { z } from 'zod';

export const DispatchConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(4103),
  /** 分转时限: minutes from signature to dispatch. */
  DISPATCH_LIMIT_MINUTES: z.coerce.number().int().min(1).default(30),
  /** How often the routing model retrains from the dispatch history (0 = only on demand). */
  MODEL_RETRAIN_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 60),
  /** The shipped demo history is mixed into training only while the bureau has fewer completed cases than this. */
  MODEL_MIN_BUREAU_CASES: z.coerce.number().int().min(0).default(200),
  /** The model card reports accuracy only once this many of the bureau's own completed cases can be held out. */
  MODEL_MIN_EVALUATED_CASES: z.coerce.number().int().min(1).default(20),
  /** intake's subgraph, read with dispatch's service token for a case's whole (masked) text. */
  INTAKE_GRAPHQL_URL: z.url().default('http://127.0.0.1:4102/graphql'),
});

export type DispatchConfig = z.infer<typeof DispatchConfigSchema>;
