import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, digest, Satisfaction } from '@hotline/contracts';
import { actorOf, AuthUser, recordEvent } from '@hotline/service-kit';
import type { CallbackSettings } from '../context';
import type { CallbackTask, TaskStatus } from '../tasks/callback-task.entity';
import { CallbackResult } from './callback-result.entity';

export interface RoundAnswer {
  status: Exclude<TaskStatus, 'open' | 'cancelled'>;
  reached: boolean;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
  notes: string | null;
}

/**
 * Ends a task's round with its one result (the unique (case, round) row refuses a second) and
 * tells the stream (`hotline.callback.completed`). With `reopenReason` the answer sends the case
 * round again: the event carries the scrubbed 重办说明 and supervision opens the next round
 * (二次督办) from it; supervision also closes this round's 二次督办 with the answer's outcome.
 */
export async function closeRound(
  tx: EntityManager,
  user: AuthUser,
  t: CallbackTask,
  a: RoundAnswer,
  _s: CallbackSettings,
  now: Date,
  reopenReason?: string,
): Promise<CallbackResult> {
  t.status = a.status;
  t.closedAt = now;
  t.nextAttemptAt = null;
  const result = tx.create(CallbackResult, {
    taskId: t.id,
    caseId: t.caseId,
    round: t.round,
    reached: a.reached,
    resolved: a.resolved,
    satisfaction: a.satisfaction,
    notes: a.notes,
    recordedAt: now,
    recordedBy: user.id,
  });
  await tx.flush();
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.callback.completed',
      source: 'callback',
      actor: actorOf(user),
      caseId: t.caseId,
      data: {
        externalNo: t.externalNo,
        taskId: t.id,
        round: t.round,
        ...(t.departmentId ? { departmentId: t.departmentId } : {}),
        reached: a.reached,
        resolved: a.resolved,
        satisfaction: a.satisfaction,
        completedAt: now.toISOString(),
        ...(reopenReason ? { reopen: { reason: digest(reopenReason, 200) } } : {}),
      },
    }),
  );
  return result;
}
