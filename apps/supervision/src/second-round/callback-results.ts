import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, EventEnvelope, supervisionOutcome, type CallbackAnswer } from '@hotline/contracts';
import { recordEvent } from '@hotline/service-kit';
import { CaseProjection } from '../cases/case-projection.entity';
import { lastRound, openRound, roundOf, SecondRoundDeps } from './open-round';
import { SecondSupervision } from './second-supervision.entity';

type CallbackCompleted = CallbackAnswer & { round: number; completedAt: string; reopen?: { reason: string } };

/**
 * A round's 回访 result (`hotline.callback.completed`, in order per case): closes that round's
 * 二次督办 with the answer's outcome, and — when the answer asks for another round (`reopen`) and
 * the case is still in that round — opens the next one. A result of a round a supervisor has
 * already moved past by hand opens nothing.
 */
export async function applyCallbackResult(tx: EntityManager, e: EventEnvelope, deps: SecondRoundDeps): Promise<void> {
  const caseId = e.caseId;
  if (!caseId) return;
  const d = e.data as unknown as CallbackCompleted;
  const closedAt = new Date(d.completedAt);
  const sup = await tx.findOne(SecondSupervision, { caseId, round: d.round, status: 'open' });
  if (sup) {
    sup.status = 'closed';
    sup.outcome = supervisionOutcome(d);
    sup.closedAt = closedAt;
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.supervision.closed',
        source: 'supervision',
        actor: e.actor,
        caseId,
        data: { externalNo: sup.externalNo, supervisionId: sup.id, round: sup.round, outcome: sup.outcome, closedAt: closedAt.toISOString() },
      }),
    );
  }
  if (!d.reopen) return;
  const c = await tx.findOne(CaseProjection, { id: caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!c) throw new Error(`case ${caseId} not yet known`); // received not handled yet: retried
  if (roundOf(await lastRound(tx, caseId)) !== d.round) return; // already sent round again by hand
  if (await tx.count(SecondSupervision, { caseId, status: 'open' })) return;
  const userId = 'userId' in e.actor ? e.actor.userId : null;
  await openRound(tx, c, { round: d.round + 1, explanation: d.reopen.reason, trigger: 'callback', actor: e.actor, openedBy: userId }, deps, closedAt);
}
