import { Arg, Ctx, Directive, ID, Query, Resolver } from 'type-graphql';
import { scopeRule } from '@hotline/contracts';
import { Authorized, isUuid } from '@hotline/service-kit';
import type { IdentityContext } from '../context';
import { User } from './user.entity';

/**
 * 在岗回访员核对 — for callback, before a supervisor's assignment of a callback task: is this user
 * an active 回访员? Internal: @inaccessible keeps it out of the gateway's API, and only a service
 * token with `identity.callback-agent:read` may ask.
 */
@Resolver()
export class CallbackAgentResolver {
  @Authorized([scopeRule('identity.callback-agent:read')])
  @Directive('@inaccessible')
  @Query(() => Boolean, { description: '该用户是否为在岗的回访员（仅内部服务调用）' })
  async isActiveCallbackAgent(@Arg('userId', () => ID) userId: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    if (!isUuid(userId)) return false;
    return (await ctx.em.count(User, { id: userId, role: 'callback', active: true })) > 0;
  }
}
