import { BaseConfigSchema } from '@hotline/service-kit';
import { z } from 'zod';

export const CallbackConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(4105),
  /** 回访时限: working days after 办结 by which the citizen is called back (the callback clock until supervision owns it). */
  CALLBACK_DUE_WORKING_DAYS: z.coerce.number().int().min(1).max(30).default(2),
  /** Tries before a task ends as 未接通 (unreachable). */
  CALLBACK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  /** The next try is at least this many minutes after a missed call, inside working hours. */
  CALLBACK_RETRY_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(120),
  /** Working hours for calls (Beijing time, whole hours): from, until. */
  CALLBACK_WORK_START_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  CALLBACK_WORK_END_HOUR: z.coerce.number().int().min(1).max(24).default(18),
  /**
   * Rounds a case may go through on callback answers (1 = first handling; 2 = one 二次督办): an
   * unresolved or dissatisfied result in a later round closes its 二次督办 as unresolved without reopening.
   */
  CALLBACK_MAX_ROUNDS: z.coerce.number().int().min(1).max(5).default(2),
  /**
   * identity's subgraph, asked with callback's service token (SERVICE_CLIENT_ID / SERVICE_CLIENT_SECRET,
   * scope `identity.callback-agent:read`) whether a supervisor's assignee is an active 回访员.
   */
  IDENTITY_GRAPHQL_URL: z.url().default('http://127.0.0.1:4101/graphql'),
})
  .refine((c) => c.CALLBACK_WORK_END_HOUR > c.CALLBACK_WORK_START_HOUR, {
    path: ['CALLBACK_WORK_END_HOUR'],
    message: 'must be later than CALLBACK_WORK_START_HOUR',
  })
  // Without its service credentials callback cannot ask identity, and no supervisor could assign a task.
  .refine((c) => c.NODE_ENV !== 'production' || !!c.SERVICE_CLIENT_SECRET, {
    path: ['SERVICE_CLIENT_SECRET'],
    message: 'is required when NODE_ENV=production (callback asks identity about callback agents)',
  });
export type CallbackConfig = z.infer<typeof CallbackConfigSchema>;
