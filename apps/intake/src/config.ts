import { BaseConfigSchema } from '@hotline/service-kit';
import { z } from 'zod';
import { DEV_CALLER_KEY_SECRET } from './key-persons/caller-key';

export const IntakeConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(4102),
  /** The public base URL of the Open311 endpoint, for discovery (default: from the request's host). */
  OPEN311_PUBLIC_URL: z.url().optional(),
  /** 附件 (attachments): the largest file accepted, in bytes (default 20 MB; the gateway passes at most 25 MB). */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(25 * 1024 * 1024, 'must be at most 25 MB (26214400), the gateway limit')
    .default(20 * 1024 * 1024),
  /** 附件: how many files may be uploaded to one case. */
  ATTACHMENT_MAX_PER_CASE: z.coerce.number().int().min(1).max(1000).default(20),
  /** 办结反馈: the district platform's webhook and the HMAC-SHA256 secret (an admin may override both at run time). */
  FEEDBACK_WEBHOOK_URL: z.url().optional(),
  FEEDBACK_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Tries before a feedback is marked failed (then exported by hand). */
  FEEDBACK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Backoff: the first retry after this many ms, doubling each time. */
  FEEDBACK_RETRY_BASE_MS: z.coerce.number().int().min(100).default(2000),
  FEEDBACK_POLL_MS: z.coerce.number().int().min(100).default(1000),
  /** dispatch's subgraph, read directly with intake's service token for the full reply text. */
  DISPATCH_GRAPHQL_URL: z.url().default('http://127.0.0.1:4103/graphql'),
  /** callback's subgraph, asked with intake's service token whether a 回访员 holds a case's callback task. */
  CALLBACK_GRAPHQL_URL: z.url().default('http://127.0.0.1:4105/graphql'),
  /**
   * 来电人键: the HMAC secret of the callers' phone hashes (hotline.case.received's callerKey, 重点人).
   * Its default is for a local run and the tests only: production must set its own (≥ 32 characters),
   * and keep it: a new secret gives every caller a new key (key persons must then be flagged again).
   */
  CALLER_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_CALLER_KEY_SECRET),
})
  .refine((c) => c.NODE_ENV !== 'production' || c.CALLER_KEY_SECRET !== DEV_CALLER_KEY_SECRET, {
    path: ['CALLER_KEY_SECRET'],
    message: 'must be set in production (the default is for local runs and tests only)',
  })
  .refine((c) => !c.FEEDBACK_WEBHOOK_URL || !!c.FEEDBACK_WEBHOOK_SECRET, {
    path: ['FEEDBACK_WEBHOOK_SECRET'],
    message: 'is required when FEEDBACK_WEBHOOK_URL is set',
  });
export type IntakeConfig = z.infer<typeof IntakeConfigSchema>;
