import { Arg, Ctx, Field, Float, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { requireUser } from '@hotline/service-kit';
import type { IntakeContext } from '../context';
import { RevealLogEntry } from './reveal-log.entity';
import { revealCitizen, revealLog } from './reveal-citizen';

@ObjectType('RevealedCitizen', { description: '来电人完整信息（每次查看均留痕）' })
class RevealedCitizen {
  @Field(() => String, { description: '姓名' }) name!: string;
  @Field(() => String, { description: '电话' }) phone!: string;
  @Field(() => String, { nullable: true, description: '地址' }) address!: string | null;
  @Field(() => Float, { nullable: true, description: '纬度（精确）' }) latitude!: number | null;
  @Field(() => Float, { nullable: true, description: '经度（精确）' }) longitude!: number | null;
}

@Resolver()
export class RevealResolver {
  /** 查看完整信息 — duty, a handler of the case's department, or callback after the reply; always with a reason. */
  @Authorized(['duty', 'handler', 'callback'])
  @Mutation(() => RevealedCitizen, { description: '查看来电人完整信息（须填写原因，记录查看日志）' })
  revealCitizen(@Arg('caseId', () => ID) caseId: string, @Arg('reason', () => String) reason: string, @Ctx() ctx: IntakeContext): Promise<RevealedCitizen> {
    return revealCitizen(ctx.em, requireUser(ctx), { caseId, reason }, ctx.callbackTasks);
  }

  @Authorized(['admin'])
  @Query(() => [RevealLogEntry], { description: '个人信息查看日志（管理员）' })
  revealLog(
    @Arg('caseId', () => ID, { nullable: true }) caseId: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: IntakeContext,
  ): Promise<RevealLogEntry[]> {
    return revealLog(ctx.em, { caseId, limit: Math.min(Math.max(limit, 1), 1000) });
  }
}
