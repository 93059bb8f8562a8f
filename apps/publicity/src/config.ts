import { BaseConfigSchema, checkFileStoreConfig, FileStoreConfigShape } from '@hotline/service-kit';
import { z } from 'zod';

const days = (d: number) => z.coerce.number().int().min(1).max(60).default(d);

export const PublicityConfigSchema = BaseConfigSchema.extend({
  /** FILE_STORE=local (under DATA_DIR) or s3 (S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION, S3_PREFIX). */
  ...FileStoreConfigShape,
  PORT: z.coerce.number().int().min(1).max(65535).default(4106),
  /** The service's own folder: typical-case materials are stored under `<DATA_DIR>/materials` (local-disk store). */
  DATA_DIR: z.string().min(1).default('.data/publicity'),
  /** Largest material file (典型案例材料), in bytes. */
  MATERIAL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Most material files on one typical case. */
  MATERIAL_MAX_PER_ITEM: z.coerce.number().int().min(1).max(200).default(20),
  /** Working days for each typical-case stage: 撰写 drafting, 审核 review, 报送 submission. */
  TYPICAL_DRAFT_DAYS: days(5),
  TYPICAL_REVIEW_DAYS: days(3),
  TYPICAL_SUBMIT_DAYS: days(2),
  /** 《向前一步》: preparation tasks are due this many working days before the air date; follow-up tasks after it. */
  EPISODE_PREPARATION_DAYS: days(3),
  EPISODE_FOLLOW_UP_DAYS: days(5),
}).superRefine(checkFileStoreConfig);
export type PublicityConfig = z.infer<typeof PublicityConfigSchema>;
