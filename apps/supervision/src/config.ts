import { BaseConfigSchema, checkFileStoreConfig, FileStoreConfigShape } from '@hotline/service-kit';
import { z } from 'zod';

/** `09:00-12:00,13:30-17:30` → windows; empty = whole working days. */
const workingHours = z
  .string()
  .default('')
  .transform((v, ctx) => {
    const parts = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const out: Array<{ start: string; end: string }> = [];
    for (const p of parts) {
      const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(p);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'must look like 09:00-12:00,13:30-17:30' });
        return z.NEVER;
      }
      out.push({ start: m[1], end: m[2] });
    }
    return out;
  });

export const SupervisionConfigSchema = BaseConfigSchema.extend({
  /** FILE_STORE=local (under DATA_DIR) or s3 (S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION, S3_PREFIX). */
  ...FileStoreConfigShape,
  PORT: z.coerce.number().int().min(1).max(65535).default(4104),
  /** How often the scheduler looks for due warnings, breaches and 催办 steps. */
  SCHEDULER_POLL_MS: z.coerce.number().int().min(50).default(1000),
  /** Most alarms one scheduler round claims (and fires in one transaction). */
  SCHEDULER_BATCH: z.coerce.number().int().min(1).max(10_000).default(500),
  /** 0 turns the scheduler off in this replica (it still consumes and serves). */
  SCHEDULER_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** 二次督办: working days the lead department has for a round sent back to it. */
  SECOND_ROUND_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(5),
  /** Working hours of a working day (工作时间), Beijing time; empty = the whole day counts. */
  WORKING_HOURS: workingHours,
  /** The service's own folder: 不纳入考核 evidence is stored under `<DATA_DIR>/evidence` (local-disk FileStore). */
  DATA_DIR: z.string().min(1).default('.data/supervision'),
  /** Largest evidence file (佐证材料), in bytes. */
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Most evidence files on one claim. */
  EVIDENCE_MAX_PER_CLAIM: z.coerce.number().int().min(1).max(200).default(30),
}).superRefine(checkFileStoreConfig);
export type SupervisionConfig = z.infer<typeof SupervisionConfigSchema>;
