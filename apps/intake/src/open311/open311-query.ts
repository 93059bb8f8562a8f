import { Open311Failure } from './open311-format';

export const MAX_WINDOW_DAYS = 90;
export const MAX_ROWS = 1000;
const DAY = 86_400_000;

export interface RequestQuery {
  ids?: string[];
  serviceCodes?: string[];
  statuses?: Array<'open' | 'closed'>;
  from: Date;
  to: Date;
}

const list = (v: unknown) =>
  typeof v === 'string' && v.trim()
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

function date(v: unknown, name: string): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(v) : new Date(Number.NaN);
  if (Number.isNaN(d.getTime())) throw new Open311Failure(400, `${name} 须为 W3C 日期时间格式，例如 2026-11-01T00:00:00+08:00`);
  return d;
}

/**
 * GET /requests parameters. `service_request_id` (comma-separated) overrides every other filter,
 * as the spec says. Without dates the window is the last 90 days; with one date, 90 days from or
 * to it; a window longer than 90 days or ending before it starts is refused (400).
 */
export function parseRequestQuery(q: Record<string, unknown>, now = new Date()): RequestQuery {
  const ids = list(q.service_request_id);
  if (ids) return { ids, from: new Date(0), to: new Date(8.64e15) };
  const start = date(q.start_date, 'start_date');
  const end = date(q.end_date, 'end_date');
  const from = start ?? (end ? new Date(end.getTime() - MAX_WINDOW_DAYS * DAY) : new Date(now.getTime() - MAX_WINDOW_DAYS * DAY));
  const to = end ?? (start ? new Date(start.getTime() + MAX_WINDOW_DAYS * DAY) : now);
  if (to < from) throw new Open311Failure(400, 'end_date 不能早于 start_date');
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY) throw new Open311Failure(400, `start_date 与 end_date 相隔不能超过 ${MAX_WINDOW_DAYS} 天`);
  const statuses = list(q.status);
  if (statuses?.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Failure(400, 'status 只能是 open 或 closed');
  return { serviceCodes: list(q.service_code), statuses: statuses as RequestQuery['statuses'], from, to };
}
