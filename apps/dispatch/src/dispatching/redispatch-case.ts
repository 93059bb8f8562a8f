import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPATCH_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError, parseInput } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { CaseCommand, loadCase } from '../handling/case-access';
import { assertStage } from '../handling/handling-rules';
import { assign, checkDepartments, Suggester } from './assign';

export const RedispatchCommand = CaseCommand.extend({
  leadDepartmentId: z.uuid('主办科室无效'),
  assistDepartmentIds: z.array(z.uuid('协办科室无效')).max(7, '协办科室最多 7 个').default([]),
  reason: z.string().trim().min(4, '请填写改派原因（至少 4 个字）').max(200, '改派原因最多 200 个字'),
});

/**
 * 改派: move a dispatched case to other departments. The audit record says who, from, to, when
 * and why; the minutes the previous lead held the case are charged to it.
 */
export async function redispatchCase(em: EntityManager, user: AuthUser, input: unknown, suggest: Suggester): Promise<DispatchCase> {
  const cmd = parseInput(RedispatchCommand, input);
  const assists = [...new Set(cmd.assistDepartmentIds)];
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    assertStage('redispatch', c);
    if (c.leadDepartmentId === cmd.leadDepartmentId && [...c.assistDepartmentIds].sort().join() === [...assists].sort().join()) {
      throw codedError(DISPATCH_ERRORS.SAME_ASSIGNMENT);
    }
    await checkDepartments(tx, cmd.leadDepartmentId, assists);
    return assign(tx, user, c, { leadDepartmentId: cmd.leadDepartmentId, assistDepartmentIds: assists, reason: cmd.reason }, await suggest(tx, c));
  });
}
