import type { EntityManager } from '@mikro-orm/postgresql';
import { CALLBACK_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError, isUuid, parseInput } from '@hotline/service-kit';
import { z } from 'zod';
import { CallbackCase } from '../cases/callback-case.entity';
import type { CallbackSettings } from '../context';
import { CallbackTask } from '../tasks/callback-task.entity';
import { openNextRound } from './open-round';
import { SecondSupervision } from './second-supervision.entity';

export const ReopenCommand = z.object({
  caseId: z.string().min(1, '工单无效'),
  explanation: z.string({ error: '请填写重办说明' }).trim().min(4, '请填写重办说明（至少 4 个字）').max(500, '重办说明最多 500 个字'),
});

/**
 * 督办员发起二次督办: a supervisor sends a completed case round again by hand (e.g. the district
 * platform's own callback found it unresolved). The case must be completed in its current round;
 * an open callback task of that round is cancelled (the round's answer no longer matters).
 */
export async function reopenByHand(em: EntityManager, user: AuthUser, input: unknown, s: CallbackSettings, now = new Date()): Promise<SecondSupervision> {
  const cmd = parseInput(ReopenCommand, input);
  return em.transactional(async (tx) => {
    const c = isUuid(cmd.caseId) ? await tx.findOne(CallbackCase, { id: cmd.caseId }) : null;
    if (!c) throw codedError(CALLBACK_ERRORS.CASE_NOT_FOUND);
    if (await tx.count(SecondSupervision, { caseId: c.id, status: 'open' })) throw codedError(CALLBACK_ERRORS.SUPERVISION_OPEN, { externalNo: c.externalNo });
    const task = await tx.findOne(CallbackTask, { caseId: c.id, round: c.round });
    if (!task) throw codedError(CALLBACK_ERRORS.ROUND_NOT_COMPLETED, { externalNo: c.externalNo });
    if (task.status === 'open') {
      task.status = 'cancelled';
      task.closedAt = now;
    }
    return openNextRound(tx, user, c, cmd.explanation, 'supervisor', s, now);
  });
}
