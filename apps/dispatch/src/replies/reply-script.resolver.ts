import { Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { ScriptScope } from '@hotline/contracts';
import { CaseNode, known } from '../cases/case.resolver';
import type { DispatchCase } from '../cases/dispatch-case.entity';
import type { DispatchContext } from '../context';
import type { ReplyScriptOffer } from './reply-scripts';

@ObjectType('ReplyScriptOffer', { description: '向科室提供的统一答复口径（已发布版本）' })
class ReplyScriptOfferNode {
  @Field(() => ID) scriptId!: string;
  @Field(() => Int, { description: '版本：答复时与 scriptId 一同提交' }) version!: number;
  @Field(() => String, { description: 'cluster 聚类 | project 项目 | topic 问题类型' }) scope!: ScriptScope;
  @Field(() => String) title!: string;
  @Field(() => String) text!: string;
}

/** The script a department is offered when it replies (the most specific published one). */
@Resolver(() => CaseNode)
export class ReplyScriptResolver {
  @FieldResolver(() => ReplyScriptOfferNode, { nullable: true, description: '适用于本工单的统一答复口径：聚类优先，其次项目，再次问题类型；没有则为空' })
  offeredReplyScript(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: DispatchContext): Promise<ReplyScriptOffer | null> | null {
    return known(c) ? ctx.replyScripts.scriptFor(ctx.em, c) : null;
  }
}
