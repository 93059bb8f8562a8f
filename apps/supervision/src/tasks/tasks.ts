import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { createEvent, EventEnvelope, SUPERVISION_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, departmentScope, isUuid, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { clearTaskAlarms, scheduleTaskAlarms } from './task-alarms';
import { dueDateOf } from './task-rules';
import { TrackedTask } from './tracked-task.entity';

export const CompleteTaskCommand = z.object({
  taskId: z.string().min(1),
  note: z.string().trim().max(500, '完成说明最多 500 个字').nullish(),
});

/**
 * 标记完成: the owner department's handler (or a supervisor) marks a meeting task done; the ladder
 * stops and `hotline.meeting.task-done` tells the partners. A publicity task is done in 宣传 (publicity
 * owns it), a task of another department is not found, a done task cannot be done again.
 */
export async function completeTask(em: EntityManager, user: AuthUser, input: unknown): Promise<TrackedTask> {
  const cmd = parseInput(CompleteTaskCommand, input);
  if (!isUuid(cmd.taskId)) throw codedError(SUPERVISION_ERRORS.TASK_NOT_FOUND);
  const scope = departmentScope(user);
  return em.transactional(async (tx) => {
    const t = await tx.findOne(TrackedTask, { id: cmd.taskId });
    if (!t || (scope !== 'all' && !scope.includes(t.departmentId))) throw codedError(SUPERVISION_ERRORS.TASK_HIDDEN);
    if (t.source !== 'meeting') throw codedError(SUPERVISION_ERRORS.TASK_OWNED_BY_PUBLICITY);
    if (t.status === 'done') throw codedError(SUPERVISION_ERRORS.TASK_ALREADY_DONE);
    const now = new Date();
    Object.assign(t, { status: 'done', doneAt: now, doneBy: user.id, doneNote: cmd.note ?? null });
    await tx.flush();
    await clearTaskAlarms(tx, t.id);
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.meeting.task-done',
        source: 'supervision',
        actor: actorOf(user),
        data: { meetingId: t.meetingId!, taskId: t.id, departmentId: t.departmentId, doneAt: now.toISOString(), late: now.getTime() > t.dueAt.getTime() },
      }),
    );
    return t;
  });
}

const PHASE_TITLES: Record<string, string> = { preparation: '《向前一步》节目准备任务', 'follow-up': '《向前一步》节目跟进整改任务' };

/** publicity assigned an episode task: supervision tracks it on the same ladder (once per task id). */
export async function trackPublicityTask(em: EntityManager, e: EventEnvelope): Promise<void> {
  const d = e.data as { itemId: string; taskId: string; phase: string; departmentId: string; dueAt: string };
  if (!isUuid(d.taskId) || !isUuid(d.itemId) || !isUuid(d.departmentId)) return;
  if (await em.findOne(TrackedTask, { id: d.taskId })) return;
  const dueAt = new Date(d.dueAt);
  const t = em.create(TrackedTask, {
    id: d.taskId,
    source: 'publicity',
    sourceId: d.itemId,
    phase: d.phase,
    title: PHASE_TITLES[d.phase] ?? '宣传任务',
    departmentId: d.departmentId,
    startsAt: new Date(e.occurredAt),
    dueDate: dueDateOf(dueAt),
    dueAt,
    createdAt: new Date(),
  });
  await em.flush();
  await scheduleTaskAlarms(em, t);
}

/** publicity says the task is done: the ladder stops. */
export async function closePublicityTask(em: EntityManager, e: EventEnvelope): Promise<void> {
  const d = e.data as { taskId: string; doneAt: string };
  const t = isUuid(d.taskId) ? await em.findOne(TrackedTask, { id: d.taskId, source: 'publicity' }) : null;
  if (!t || t.status === 'done') return;
  Object.assign(t, { status: 'done', doneAt: new Date(d.doneAt) });
  await em.flush();
  await clearTaskAlarms(em, t.id);
}

/** A new meeting task (the caller validated it and writes its event). */
export function newMeetingTask(
  tx: EntityManager,
  v: { meetingId: string; decisionId: string; title: string; departmentId: string; dueDate: string; dueAt: Date; startsAt: Date; by: string; createdAt?: Date },
): TrackedTask {
  return tx.create(TrackedTask, {
    id: randomUUID(),
    source: 'meeting',
    sourceId: v.meetingId,
    meetingId: v.meetingId,
    decisionId: v.decisionId,
    title: v.title,
    departmentId: v.departmentId,
    startsAt: v.startsAt,
    dueDate: v.dueDate,
    dueAt: v.dueAt,
    createdAt: v.createdAt ?? new Date(),
    createdBy: v.by,
  });
}
