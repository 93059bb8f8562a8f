import type { EntityManager } from '@mikro-orm/postgresql';
import { departmentScope, AuthUser, forbidden } from '@hotline/service-kit';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { AssignmentRecord } from '../dispatching/assignment-record.entity';
import { inboxBucketOf, InboxBucket } from '../handling/handling-rules';

/** 待分转: signed cases not yet dispatched (returned ones included, merged ones not), longest waiting first. */
export function dispatchQueue(em: EntityManager, limit = 200): Promise<DispatchCase[]> {
  return em.find(DispatchCase, { stage: 'signed', mergedIntoCaseId: null }, { orderBy: { queuedAt: 'asc', signedAt: 'asc' }, limit });
}

function handlerScope(user: AuthUser): string[] {
  const scope = departmentScope(user);
  if (scope === 'all') throw forbidden('NOT_A_HANDLER', '科室工作台仅供科室承办人使用');
  return scope;
}

/**
 * 科室工作台: the cases the handler's department holds, as lead or assist, nearest deadline first;
 * with a bucket, only those in it (新到 / 办理中 / 即将超期 / 已超期). A case merged into a master
 * (并单) is no longer held: the master is where the work goes on.
 */
export async function departmentInbox(em: EntityManager, user: AuthUser, bucket?: Exclude<InboxBucket, 'returned'> | null, now = new Date(), limit = 500): Promise<DispatchCase[]> {
  const scope = handlerScope(user);
  const held = await em.find(
    DispatchCase,
    { stage: { $in: ['dispatched', 'accepted', 'replied'] }, mergedIntoCaseId: null, $or: [{ leadDepartmentId: { $in: scope } }, { assistDepartmentIds: { $overlap: scope } }] },
    { orderBy: { handleDeadlineAt: 'asc' }, limit },
  );
  return bucket ? held.filter((c) => inboxBucketOf(c, now) === bucket) : held;
}

/** 已退回: what the department gave back (退回), newest first, with reason and the minutes charged to it. */
export function departmentReturns(em: EntityManager, user: AuthUser, limit = 100): Promise<AssignmentRecord[]> {
  const scope = handlerScope(user);
  return em.find(AssignmentRecord, { kind: 'return', fromDepartmentId: { $in: scope } }, { orderBy: { at: 'desc' }, limit });
}

/** How many cases sit in each bucket of the department's inbox. */
export async function departmentInboxCounts(em: EntityManager, user: AuthUser, now = new Date()): Promise<Record<InboxBucket, number>> {
  const counts: Record<InboxBucket, number> = { new: 0, inProgress: 0, dueSoon: 0, overdue: 0, returned: 0 };
  for (const c of await departmentInbox(em, user, null, now)) counts[inboxBucketOf(c, now)] += 1;
  counts.returned = await em.count(AssignmentRecord, { kind: 'return', fromDepartmentId: { $in: handlerScope(user) }, at: { $gte: new Date(now.getTime() - 30 * 86_400_000) } });
  return counts;
}
