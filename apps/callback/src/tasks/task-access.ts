import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, conflict, forbidden, isUuid, notFound } from '@hotline/service-kit';
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
  if (!t) throw notFound('TASK_NOT_FOUND', '回访任务不存在');
  return t;
}

/** The task must still be open (CONFLICT TASK_CLOSED otherwise: its round already has its result). */
export function assertOpen(t: CallbackTask): void {
  if (t.status !== 'open') throw conflict('TASK_CLOSED', `工单 ${t.externalNo} 第 ${t.round} 轮回访已结束（${STATUS_LABELS[t.status]}），不能再登记`);
}

/** Only the 回访员 holding the task may call and record (FORBIDDEN NOT_TASK_HOLDER). */
export function assertHolder(user: AuthUser, t: CallbackTask): void {
  if (t.assigneeId !== user.id) throw forbidden('NOT_TASK_HOLDER', t.assigneeId ? '该回访任务由其他回访员承办' : '请先领取该回访任务');
}
