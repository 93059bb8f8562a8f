import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SUPERVISION_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, codedError, isUuid, parseInput } from '@hotline/service-kit';
import { z } from 'zod';
import { CaseProjection } from '../cases/case-projection.entity';
import { completedInRound, lastRound, openRound, roundOf, SecondRoundDeps } from './open-round';
import { SecondSupervision } from './second-supervision.entity';

export const OpenByHandCommand = z.object({
  caseId: z.string().min(1, '工单无效'),
  explanation: z.string({ error: '请填写重办说明' }).trim().min(4, '请填写重办说明（至少 4 个字）').max(500, '重办说明最多 500 个字'),
});

/**
 * 督办员发起二次督办: a supervisor sends a completed case round again by hand (e.g. the district
 * platform's own callback found it unresolved). The case must be completed in its current round
 * and have no open 二次督办; callback cancels the round's open 回访 task when the reopen reaches it.
 */
export async function openByHand(em: EntityManager, user: AuthUser, input: unknown, deps: SecondRoundDeps, now = new Date()): Promise<SecondSupervision> {
  const cmd = parseInput(OpenByHandCommand, input);
  if (!isUuid(cmd.caseId)) throw codedError(SUPERVISION_ERRORS.CASE_MISSING);
  return em.transactional(async (tx) => {
    const c = await tx.findOne(CaseProjection, { id: cmd.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!c) throw codedError(SUPERVISION_ERRORS.CASE_MISSING);
    if (await tx.count(SecondSupervision, { caseId: c.id, status: 'open' }))
      throw codedError(SUPERVISION_ERRORS.SUPERVISION_OPEN, { externalNo: c.externalNo });
    const last = await lastRound(tx, c.id);
    if (!completedInRound(c, last)) throw codedError(SUPERVISION_ERRORS.ROUND_NOT_COMPLETED, { externalNo: c.externalNo });
    const round = roundOf(last) + 1;
    return openRound(tx, c, { round, explanation: cmd.explanation, trigger: 'supervisor', actor: actorOf(user), openedBy: user.id }, deps, now);
  });
}
