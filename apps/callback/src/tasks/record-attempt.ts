import type { EntityManager } from '@mikro-orm/postgresql';
import { CALLBACK_OUTCOMES, createEvent } from '@hotline/contracts';
import { actorOf, AuthUser, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import type { CallbackSettings } from '../context';
import { closeRound } from '../results/close-round';
import { CallbackAttempt, CallbackTask } from './callback-task.entity';
import { attemptEffect } from './retry-policy';
import { assertHolder, assertOpen, loadTask } from './task-access';

export const AttemptCommand = z.object({
  taskId: z.string().min(1, '回访任务无效'),
  outcome: z.enum(CALLBACK_OUTCOMES, '呼叫结果无效'),
  note: z.string().trim().max(500, '备注最多 500 个字').nullish(),
});

/**
 * 登记呼叫: the agent holding the task records one call. A missed call schedules the next try
 * inside working hours; the last missed try or a wrong number ends the round as 未接通 (its result
 * is recorded as not reached); 拒绝回访 ends it as refused. 已接通 waits for the result.
 */
export async function recordAttempt(em: EntityManager, user: AuthUser, input: unknown, s: CallbackSettings, now = new Date()): Promise<CallbackTask> {
  const cmd = parseInput(AttemptCommand, input);
  return em.transactional(async (tx) => {
    const t = await loadTask(tx, cmd.taskId);
    assertOpen(t);
    assertHolder(user, t);
    const attemptNo = t.attempts + 1;
    const effect = attemptEffect(cmd.outcome, attemptNo, now, s.retry, s.calendar);
    t.attempts = attemptNo;
    t.nextAttemptAt = effect.kind === 'retry' ? effect.nextAttemptAt : null;
    tx.create(CallbackAttempt, {
      taskId: t.id,
      caseId: t.caseId,
      attempt: attemptNo,
      outcome: cmd.outcome,
      note: cmd.note ?? null,
      at: now,
      byUser: user.id,
      nextAttemptAt: t.nextAttemptAt ?? null,
    });
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.callback.attempted',
        source: 'callback',
        actor: actorOf(user),
        caseId: t.caseId,
        data: {
          externalNo: t.externalNo,
          taskId: t.id,
          round: t.round,
          attempt: attemptNo,
          outcome: cmd.outcome,
          attemptedAt: now.toISOString(),
          ...(effect.kind === 'retry' ? { nextAttemptAt: effect.nextAttemptAt.toISOString() } : {}),
          unreachable: effect.kind === 'unreachable',
        },
      }),
    );
    if (effect.kind === 'unreachable' || effect.kind === 'refused') {
      await closeRound(
        tx,
        user,
        t,
        { status: effect.kind, reached: effect.kind === 'refused', resolved: null, satisfaction: null, notes: cmd.note ?? null },
        s,
        now,
      );
    }
    return t;
  });
}
