import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { CALLBACK_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError } from '@hotline/service-kit';
import type { QueueView } from '../enums';
import { CallbackTask } from './callback-task.entity';

/** 待回访: open tasks, the nearest 回访时限 first, paged on the server. */
export async function callbackQueue(
  em: EntityManager,
  user: AuthUser,
  q: { view: QueueView; page: number; pageSize: number; externalNo?: string | null },
): Promise<{ total: number; items: CallbackTask[] }> {
  if (!Number.isInteger(q.page) || q.page < 1) throw codedError(CALLBACK_ERRORS.INVALID_PAGE);
  if (!Number.isInteger(q.pageSize) || q.pageSize < 1 || q.pageSize > 100) throw codedError(CALLBACK_ERRORS.INVALID_PAGE_SIZE);
  const where: FilterQuery<CallbackTask> = { status: 'open' };
  if (q.view === 'mine') where.assigneeId = user.id;
  if (q.view === 'unassigned') where.assigneeId = null;
  // 按工单编号查找: the whole number or its start (the number the citizen or the platform quotes).
  const no = q.externalNo?.trim();
  if (no) where.externalNo = { $like: `${no.replace(/[\\%_]/g, (c) => `\\${c}`)}%` };
  const [items, total] = await em.findAndCount(CallbackTask, where, {
    orderBy: { dueAt: 'asc', id: 'asc' },
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { total, items };
}
