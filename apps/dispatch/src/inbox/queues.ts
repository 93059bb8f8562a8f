import { raw } from '@mikro-orm/core';
import { DISPATCH_ERRORS, type QueueSort } from '@hotline/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { codedError, departmentScope, AuthUser, type PageRequest } from '@hotline/service-kit';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { AssignmentRecord } from '../dispatching/assignment-record.entity';
import { ExtensionRequest } from '../extensions/extension-request.entity';
import { DUE_SOON_SHARE, heldMinutes, InboxBucket } from '../handling/handling-rules';

/** 紧急 before 及时 before 一般, as an SQL expression on the queried table (a raw fragment is used once: make one per query). */
export const urgencyRank = (): string => raw((alias: string) => `case ${alias}.urgency when 'urgent' then 0 when 'timely' then 1 else 2 end`);

const MAX_FILTER_LENGTH = 100;
const like = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** A queue narrowed by a 工单编号, 标题 or 楼盘 fragment when one is given (the queue's filter box, at most 100 characters). */
function filtered(where: Record<string, unknown>, filter?: string | null): Record<string, unknown> {
  const text = filter?.trim() ?? '';
  if (text.length > MAX_FILTER_LENGTH) throw codedError(DISPATCH_ERRORS.FILTER_TOO_LONG, { max: MAX_FILTER_LENGTH });
  if (!text) return where;
  return { ...where, $or: [{ externalNo: { $ilike: like(text) } }, { title: { $ilike: like(text) } }, { projectName: { $ilike: like(text) } }] };
}

/** 待分转 */
const waitingWhere = (filter?: string | null) => filtered({ stage: 'signed', mergedIntoCaseId: null }, filter);

/**
 * 待分转: signed cases not yet dispatched (returned ones included, merged ones not), the whole
 * queue page by page: longest waiting first (since signature or the last 退回), or by urgency.
 */
export function dispatchQueue(
  em: EntityManager,
  page: PageRequest = { offset: 0, limit: 200 },
  sort: QueueSort = 'wait',
  filter?: string | null,
): Promise<DispatchCase[]> {
  const byWait = { queuedAt: 'asc', signedAt: 'asc', id: 'asc' } as const;
  return em.find(DispatchCase, waitingWhere(filter), {
    orderBy: sort === 'urgency' ? [{ [urgencyRank()]: 'asc' }, byWait] : [byWait],
    limit: page.limit,
    offset: page.offset,
  });
}

/** 待分转 summary: how many wait (with the filter, how many match), and how long the one waiting longest has waited. */
export async function dispatchQueueSummary(
  em: EntityManager,
  now = new Date(),
  filter?: string | null,
): Promise<{ count: number; oldestQueuedAt: Date | null; oldestWaitMinutes: number | null }> {
  // One statement: the queue's first case by wait (queued_at, then signed_at, nulls last) is the one
  // with the earliest queued_at, or — when none has one — the earliest signed_at.
  const row = await em
    .createQueryBuilder(DispatchCase, 'd')
    .select([raw('count(*)::int as count'), raw('coalesce(min(d.queued_at), min(d.signed_at)) as oldest')])
    .where(waitingWhere(filter))
    .execute<{ count: number; oldest: Date | string | null }>('get');
  const oldest = row.oldest == null ? null : new Date(row.oldest);
  return { count: row.count, oldestQueuedAt: oldest, oldestWaitMinutes: oldest ? heldMinutes(oldest, now) : null };
}

/** 局审核: the cases whose reply awaits the bureau's review, the reply waiting longest first. */
export async function reviewQueue(em: EntityManager, page: PageRequest, filter?: string | null): Promise<{ total: number; items: DispatchCase[] }> {
  const where = filtered({ stage: 'replied', mergedIntoCaseId: null }, filter);
  const total = await em.count(DispatchCase, where);
  // A case in `replied` has exactly one reply pending review: order by when it was written.
  const waitingSince = raw((alias: string) => `(select min(r.replied_at) from dispatch_reply r where r.case_id = ${alias}.id and r.review_status = 'pending')`);
  const items = await em.find(DispatchCase, where, { orderBy: [{ [waitingSince]: 'asc' }, { id: 'asc' }], limit: page.limit, offset: page.offset });
  return { total, items };
}

/** 延期审批: every pending extension request, of any case however old, the one asked first on top. */
export async function pendingExtensions(em: EntityManager, page: PageRequest): Promise<{ total: number; items: ExtensionRequest[] }> {
  const [items, total] = await em.findAndCount(
    ExtensionRequest,
    { status: 'pending' },
    { orderBy: { requestedAt: 'asc', id: 'asc' }, limit: page.limit, offset: page.offset },
  );
  return { total, items };
}

function handlerScope(user: AuthUser): string[] {
  const scope = departmentScope(user);
  if (scope === 'all') throw codedError(DISPATCH_ERRORS.NOT_A_HANDLER);
  return scope;
}

type HeldBucket = Exclude<InboxBucket, 'returned'>;
const HELD_BUCKETS: HeldBucket[] = ['new', 'inProgress', 'dueSoon', 'overdue'];

/**
 * `inboxBucketOf` (handling-rules.ts) as SQL over the queried table, so the database filters and
 * counts by bucket: 已超期 past the deadline, 即将超期 within the last DUE_SOON_SHARE of the
 * handling time (neither once replied), else 新到 (dispatched) or 办理中. One raw fragment per query.
 */
const bucketOf = (now: Date): string =>
  raw(
    (a: string) =>
      `(case when ${a}.stage <> 'replied' and ${a}.handle_deadline_at is not null and ${a}.handle_deadline_at < ? then 'overdue'` +
      ` when ${a}.stage <> 'replied' and ${a}.handle_deadline_at is not null` +
      ` and ${a}.handle_deadline_at - ? <= (${a}.handle_deadline_at - coalesce(${a}.dispatched_at, ${a}.handle_deadline_at)) * ${DUE_SOON_SHARE} then 'dueSoon'` +
      ` when ${a}.stage = 'dispatched' then 'new' else 'inProgress' end)`,
    [now, now],
  );

/**
 * The cases a department holds, as lead or assist, optionally in one bucket and narrowed by the
 * filter text. A case merged into a master (并单) is no longer held: the master is where the work goes on.
 */
function heldWhere(scope: string[], bucket: HeldBucket | null | undefined, now: Date, filter?: string | null): Record<string, unknown> {
  const held = {
    stage: { $in: ['dispatched', 'accepted', 'replied'] },
    mergedIntoCaseId: null,
    $or: [{ leadDepartmentId: { $in: scope } }, { assistDepartmentIds: { $overlap: scope } }],
  };
  return filtered({ $and: [held, ...(bucket ? [{ [bucketOf(now)]: bucket }] : [])] }, filter);
}

const nearestDeadline = [{ handleDeadlineAt: 'asc' }, { id: 'asc' }] as const;

/**
 * 科室工作台: the cases the handler's department holds, nearest deadline first; with a bucket, only
 * those in it (新到 / 办理中 / 即将超期 / 已超期), filtered by the database. At most `limit`: the
 * paged `departmentInboxPage` serves the whole inbox.
 */
export function departmentInbox(em: EntityManager, user: AuthUser, bucket?: HeldBucket | null, now = new Date(), limit = 500): Promise<DispatchCase[]> {
  return em.find(DispatchCase, heldWhere(handlerScope(user), bucket, now), { orderBy: [...nearestDeadline], limit });
}

/**
 * 科室工作台, one page: what the department holds in a bucket (or all of it), narrowed on the server
 * by a 工单编号, 标题 or 楼盘 fragment, nearest deadline first, with how many match.
 */
export async function departmentInboxPage(
  em: EntityManager,
  user: AuthUser,
  page: PageRequest,
  bucket?: HeldBucket | null,
  filter?: string | null,
  now = new Date(),
): Promise<{ total: number; items: DispatchCase[] }> {
  const scope = handlerScope(user);
  const total = await em.count(DispatchCase, heldWhere(scope, bucket, now, filter));
  const items =
    total > page.offset
      ? await em.find(DispatchCase, heldWhere(scope, bucket, now, filter), { orderBy: [...nearestDeadline], limit: page.limit, offset: page.offset })
      : [];
  return { total, items };
}

/** 已退回: what the department gave back (退回), newest first, with reason and the minutes charged to it. */
export function departmentReturns(em: EntityManager, user: AuthUser, limit = 100): Promise<AssignmentRecord[]> {
  const scope = handlerScope(user);
  return em.find(AssignmentRecord, { kind: 'return', fromDepartmentId: { $in: scope } }, { orderBy: { at: 'desc' }, limit });
}

/** How many cases sit in each bucket of the department's inbox. */
export async function departmentInboxCounts(em: EntityManager, user: AuthUser, now = new Date()): Promise<Record<InboxBucket, number>> {
  const counts: Record<InboxBucket, number> = { new: 0, inProgress: 0, dueSoon: 0, overdue: 0, returned: 0 };
  const scope = handlerScope(user);
  for (const bucket of HELD_BUCKETS) counts[bucket] = await em.count(DispatchCase, heldWhere(scope, bucket, now));
  counts.returned = await em.count(AssignmentRecord, {
    kind: 'return',
    fromDepartmentId: { $in: handlerScope(user) },
    at: { $gte: new Date(now.getTime() - 30 * 86_400_000) },
  });
  return counts;
}
