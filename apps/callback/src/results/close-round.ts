import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, Satisfaction } from '@hotline/contracts';
import { actorOf, AuthUser, recordEvent } from '@hotline/service-kit';
import type { CallbackSettings } from '../context';
import { SecondSupervision } from '../second-round/second-supervision.entity';
import type { CallbackTask, TaskStatus } from '../tasks/callback-task.entity';
import { CallbackResult } from './callback-result.entity';
import { supervisionOutcome } from './result-rules';

export interface RoundAnswer {
  status: Exclude<TaskStatus, 'open' | 'cancelled'>;
  reached: boolean;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
  notes: string | null;
}

/**
 * Ends a task's round with its one result (the unique (case, round) row refuses a second), tells
 * the stream (`hotline.callback.completed`) and closes the round's 二次督办 with its outcome.
 */
export async function closeRound(tx: EntityManager, user: AuthUser, t: CallbackTask, a: RoundAnswer, _s: CallbackSettings, now: Date): Promise<CallbackResult> {
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
      },
    }),
  );
  const sup = await tx.findOne(SecondSupervision, { caseId: t.caseId, round: t.round, status: 'open' });
  if (sup) {
    sup.status = 'closed';
    sup.outcome = supervisionOutcome(a);
    sup.closedAt = now;
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.supervision.closed',
        source: 'callback',
        actor: actorOf(user),
        caseId: t.caseId,
        data: { externalNo: t.externalNo, supervisionId: sup.id, round: sup.round, outcome: sup.outcome, closedAt: now.toISOString() },
      }),
    );
  }
  return result;
}
