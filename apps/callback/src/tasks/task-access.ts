import type { EntityManager } from '@mikro-orm/postgresql';
import { CALLBACK_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError, isUuid } from '@hotline/service-kit';
import { CallbackTask } from './callback-task.entity';

const STATUS_LABELS: Record<CallbackTask['status'], string> = {
  open: '待回访',
  done: '已回访',
  unreachable: '未接通',
  refused: '拒绝回访',
  cancelled: '已取消',
};

export async function loadTask(tx: EntityManager, taskId: string): Promise<CallbackTask> {
  const t = isUuid(taskId) ? await tx.findOne(CallbackTask, { id: taskId }) : null;
  if (!t) throw codedError(CALLBACK_ERRORS.TASK_NOT_FOUND);
  return t;
}

/** The task must still be open (CONFLICT TASK_CLOSED otherwise: its round already has its result). */
export function assertOpen(t: CallbackTask): void {
  if (t.status !== 'open') throw codedError(CALLBACK_ERRORS.TASK_CLOSED, { externalNo: t.externalNo, round: t.round, status: STATUS_LABELS[t.status] });
}

/** Only the 回访员 holding the task may call and record (FORBIDDEN NOT_TASK_HOLDER). */
export function assertHolder(user: AuthUser, t: CallbackTask): void {
  if (t.assigneeId !== user.id) throw codedError(t.assigneeId ? CALLBACK_ERRORS.NOT_TASK_HOLDER : CALLBACK_ERRORS.TASK_NOT_CLAIMED);
}
