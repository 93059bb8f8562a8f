import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, conflict, isUuid, notFound, parseInput } from '@hotline/service-kit';
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
    if (!c) throw notFound('CASE_NOT_FOUND', '工单不存在');
    if (await tx.count(SecondSupervision, { caseId: c.id, status: 'open' })) throw conflict('SUPERVISION_OPEN', `工单 ${c.externalNo} 已在二次督办中`);
    const task = await tx.findOne(CallbackTask, { caseId: c.id, round: c.round });
    if (!task) throw conflict('CASE_NOT_COMPLETED', `工单 ${c.externalNo} 本轮尚未办结，不能发起二次督办`);
    if (task.status === 'open') {
      task.status = 'cancelled';
      task.closedAt = now;
    }
    return openNextRound(tx, user, c, cmd.explanation, 'supervisor', s, now);
  });
}
