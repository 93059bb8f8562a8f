import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CALLBACK_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError, parseInput } from '@hotline/service-kit';
import type { CallbackAgentCheck } from './agent-check';
import type { CallbackTask } from './callback-task.entity';
import { assertOpen, loadTask } from './task-access';

export const AssignCommand = z.object({
  taskId: z.string().min(1, '回访任务无效'),
  /** For a supervisor: the 回访员 to assign; a 回访员 always takes the task for themself. */
  agentId: z.uuid('回访员无效').nullish(),
});

/**
 * 领取 / 分配: a 回访员 takes an unassigned open task; a supervisor assigns it to a 回访员 (or
 * takes it back: `agentId` null). A task held by another agent is not taken over by a 回访员
 * (CONFLICT TASK_TAKEN) — a supervisor reassigns it. A supervisor's assignee must be an active
 * 回访员 as identity says (asked before the transaction; when identity cannot answer, nothing is
 * assigned: AGENT_CHECK_UNAVAILABLE).
 */
export async function assignTask(em: EntityManager, user: AuthUser, input: unknown, agents: CallbackAgentCheck): Promise<CallbackTask> {
  const cmd = parseInput(AssignCommand, input);
  if (user.role !== 'callback' && cmd.agentId) {
    const answer = await agents(cmd.agentId);
    if (answer === 'unavailable') throw codedError(CALLBACK_ERRORS.AGENT_CHECK_UNAVAILABLE);
    if (answer === 'not-agent') throw codedError(CALLBACK_ERRORS.NOT_A_CALLBACK_AGENT);
  }
  return em.transactional(async (tx) => {
    const t = await loadTask(tx, cmd.taskId);
    assertOpen(t);
    if (user.role === 'callback') {
      if (t.assigneeId && t.assigneeId !== user.id) throw codedError(CALLBACK_ERRORS.TASK_TAKEN);
      t.assigneeId = user.id;
    } else {
      t.assigneeId = cmd.agentId ?? null;
    }
    t.assignedAt = t.assigneeId ? new Date() : null;
    await tx.flush();
    return t;
  });
}
