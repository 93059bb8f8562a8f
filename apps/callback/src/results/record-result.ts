import type { EntityManager } from '@mikro-orm/postgresql';
import { CALLBACK_ERRORS, needsAnotherRound, SATISFACTION_LEVELS } from '@hotline/contracts';
import { AuthUser, codedError, parseInput } from '@hotline/service-kit';
import { z } from 'zod';
import type { CallbackSettings } from '../context';
import type { CallbackTask } from '../tasks/callback-task.entity';
import { assertHolder, assertOpen, loadTask } from '../tasks/task-access';
import { CallbackResult } from './callback-result.entity';
import { closeRound } from './close-round';

export const ResultCommand = z.object({
  taskId: z.string().min(1, '回访任务无效'),
  resolved: z.boolean({ error: '请选择是否解决' }),
  satisfaction: z.enum(SATISFACTION_LEVELS, '请选择满意度'),
  notes: z.string().trim().max(1000, '回访记录最多 1000 个字').nullish(),
  /** 重办说明: required when the answer sends the case round again (unresolved or dissatisfied). */
  explanation: z.string().trim().max(500, '重办说明最多 500 个字').nullish(),
});

/**
 * 登记回访结果: the agent holding the task records what the citizen said after a call that got
 * through — resolved or not, 满意 / 基本满意 / 不满意, notes. One result per case and round. An
 * unresolved or dissatisfied answer asks for the next round and needs an explanation
 * (REOPEN_EXPLANATION_REQUIRED, nothing written without it) — unless the case has used its rounds,
 * when the answer only closes the round's 二次督办 as unresolved. supervision opens the round
 * (二次督办, `hotline.case.reopened`) from the result's event; callback's round follows that event.
 */
export async function recordResult(em: EntityManager, user: AuthUser, input: unknown, s: CallbackSettings, now = new Date()): Promise<CallbackTask> {
  const cmd = parseInput(ResultCommand, input);
  return em.transactional(async (tx) => {
    const t = await loadTask(tx, cmd.taskId);
    if (t.status !== 'open' || (await tx.count(CallbackResult, { caseId: t.caseId, round: t.round }))) {
      throw codedError(CALLBACK_ERRORS.RESULT_EXISTS, { externalNo: t.externalNo, round: t.round });
    }
    assertOpen(t);
    assertHolder(user, t);
    const answer = { reached: true, resolved: cmd.resolved, satisfaction: cmd.satisfaction };
    const reopen = needsAnotherRound(answer) && t.round < s.maxRounds;
    if (reopen && !cmd.explanation) throw codedError(CALLBACK_ERRORS.REOPEN_EXPLANATION_REQUIRED);
    await closeRound(tx, user, t, { status: 'done', ...answer, notes: cmd.notes ?? null }, s, now, reopen ? cmd.explanation! : undefined);
    return t;
  });
}
