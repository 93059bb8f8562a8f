import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, parseInput } from '@hotline/service-kit';
import { z } from 'zod';

const KEY = 'feedback-webhook';

export interface FeedbackEndpoint {
  url: string;
  secret: string;
  /** `config` (FEEDBACK_WEBHOOK_URL / _SECRET) or `admin` (set at run time, overrides config). */
  source: 'config' | 'admin';
}

/** The webhook in force: the admin's setting over the service config; null when neither is set. */
export async function loadEndpoint(
  em: EntityManager,
  config: { FEEDBACK_WEBHOOK_URL?: string; FEEDBACK_WEBHOOK_SECRET?: string },
): Promise<FeedbackEndpoint | null> {
  const rows = await em.getConnection().execute<Array<{ value: unknown }>>('select value from intake_setting where key = ?', [KEY]);
  if (rows.length) {
    const v = (typeof rows[0].value === 'string' ? JSON.parse(rows[0].value) : rows[0].value) as { url?: string; secret?: string };
    if (v.url && v.secret) return { url: v.url, secret: v.secret, source: 'admin' };
  }
  if (config.FEEDBACK_WEBHOOK_URL && config.FEEDBACK_WEBHOOK_SECRET)
    return { url: config.FEEDBACK_WEBHOOK_URL, secret: config.FEEDBACK_WEBHOOK_SECRET, source: 'config' };
  return null;
}

const EndpointCommand = z.object({
  url: z.url({ protocol: /^https?$/, error: '回传地址须为 http(s) 地址' }),
  secret: z.string().min(16, '签名密钥至少 16 个字符').max(200),
});

/** 设置办结反馈回传地址 (admin). The secret is never returned by the API. */
export async function saveEndpoint(em: EntityManager, user: AuthUser, input: unknown): Promise<void> {
  const cmd = parseInput(EndpointCommand, input);
  await em.execute(
    `insert into intake_setting (key, value, updated_at, updated_by) values (?, ?::jsonb, now(), ?)
     on conflict (key) do update set value = excluded.value, updated_at = now(), updated_by = excluded.updated_by`,
    [KEY, JSON.stringify(cmd), user.id],
  );
}

/** 停用回传 (admin): removes the admin's webhook; the service config's, if any, applies again. */
export async function removeEndpoint(em: EntityManager): Promise<void> {
  await em.execute('delete from intake_setting where key = ?', [KEY]);
}
