import { BaseConfigSchema } from '@hotline/service-kit';
import { z } from 'zod';

export const IntakeConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(4102),
  /** The public base URL of the Open311 endpoint, for discovery (default: from the request's host). */
  OPEN311_PUBLIC_URL: z.url().optional(),
  /** 办结反馈: the district platform's webhook and the HMAC-SHA256 secret (an admin may override both at run time). */
  FEEDBACK_WEBHOOK_URL: z.url().optional(),
  FEEDBACK_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Tries before a feedback is marked failed (then exported by hand). */
  FEEDBACK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Backoff: the first retry after this many ms, doubling each time. */
  FEEDBACK_RETRY_BASE_MS: z.coerce.number().int().min(100).default(2000),
  FEEDBACK_POLL_MS: z.coerce.number().int().min(100).default(1000),
}).refine((c) => !c.FEEDBACK_WEBHOOK_URL || !!c.FEEDBACK_WEBHOOK_SECRET, { path: ['FEEDBACK_WEBHOOK_SECRET'], message: 'is required when FEEDBACK_WEBHOOK_URL is set' });
export type IntakeConfig = z.infer<typeof IntakeConfigSchema>;
