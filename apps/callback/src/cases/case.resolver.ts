import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertInScope, groupBy, loaderFor, requireUser, rowsById } from '@hotline/service-kit';
import type { CallbackContext } from '../context';
import { CaseNode, OfficialNode, TaskNode } from '../graphql-types';
import { OfficialResult } from '../official/official-result.entity';
import { CallbackTask } from '../tasks/callback-task.entity';
import { CallbackCase } from './callback-case.entity';

type Ctx = CallbackContext;

const byCase = <T extends { caseId: string }>(ctx: Ctx, name: string, entity: new () => T, order: Record<string, 'asc'>) =>
  loaderFor<T[]>(
    ctx,
    name,
    async (ids) => groupBy(await ctx.em.find(entity, { caseId: { $in: [...ids] } } as never, { orderBy: order as never }), (r) => r.caseId),
    [],
  );

/** A case as callback knows it (null before its first event reached callback). */
type Known = CaseNode & { known?: CallbackCase };

@Resolver(() => CaseNode)
export class CaseResolver {
  @FieldResolver(() => [TaskNode], { description: '回访（每轮一个任务：呼叫记录、本局结果、区级平台结果）' })
  callbacks(@Root() c: Known, @Ctx() ctx: Ctx): Promise<CallbackTask[]> {
    return byCase(ctx, 'tasks', CallbackTask, { round: 'asc' }).load(c.id);
  }

  @FieldResolver(() => [OfficialNode], { description: '区级平台回访结果（导入）' })
  officialCallbacks(@Root() c: Known, @Ctx() ctx: Ctx): Promise<OfficialResult[]> {
    return byCase(ctx, 'officials', OfficialResult, { round: 'asc' }).load(c.id);
  }

  @FieldResolver(() => Int, { description: '办理轮次：1 首次办理，2 起为二次督办后的重新办理' })
  handlingRound(@Root() c: Known): number {
    return c.known?.round ?? 1;
  }
}

/** The gateway asks for callback's fields of a case; a handler sees only their department's. */
export const caseReference = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx): Promise<Known> => {
    const user = requireUser(ctx);
    const c = await rowsById(ctx, 'case-reference', (ids) => ctx.em.find(CallbackCase, { id: { $in: ids } })).load(ref.id);
    if (c) assertInScope(user, c.leadDepartmentId ? [c.leadDepartmentId] : []);
    else if (user.role === 'handler') assertInScope(user, []);
    return { id: ref.id, known: c ?? undefined };
  },
};
