import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { scopeRule } from '@hotline/contracts';
import { Authorized, isUuid } from '@hotline/service-kit';
import type { CallbackContext } from '../context';
import { CallbackTask } from '../tasks/callback-task.entity';

/**
 * 回访任务承办人核对 — for intake, before it reveals a citizen's phone to a 回访员: does this user
 * hold the open callback task of this case? Internal: @inaccessible keeps it out of the gateway's
 * API, and only a service token with `callback.task:read` may ask.
 */
@Resolver()
export class TaskHolderResolver {
  @Authorized([scopeRule('callback.task:read')])
  @Directive('@inaccessible')
  @Query(() => Boolean, { description: '该用户是否承办该工单未结束的回访任务（仅内部服务调用）' })
  async holdsOpenCallbackTask(@Arg('caseId', () => ID) caseId: string, @Arg('userId', () => ID) userId: string, @Ctx() ctx: CallbackContext): Promise<boolean> {
    if (!isUuid(caseId) || !isUuid(userId)) return false;
    return (await ctx.em.count(CallbackTask, { caseId, assigneeId: userId, status: 'open' })) > 0;
  }
}
