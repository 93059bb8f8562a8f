import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { DISPATCH_ERRORS, REPLY_RESULT_LABELS, scopeRule } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';
import { DispatchCase } from '../cases/dispatch-case.entity';
import type { DispatchContext } from '../context';
import { DepartmentProjection } from '../departments/department.entity';
import { Reply } from './reply.entity';

/**
 * 办结答复 — the approved reply behind a completion, in full, for intake's 办结反馈 to the
 * district platform (events carry only a 60-character digest). Internal: @inaccessible keeps it
 * out of the gateway's API, and only a service token with `dispatch.reply:read` may read it.
 */
@Directive('@inaccessible')
@ObjectType('CompletionReply', { description: '办结答复（内部：办结反馈用）' })
export class CompletionReply {
  @Field(() => ID) caseId!: string;
  @Field(() => String, { description: '答复全文' }) text!: string;
  @Field(() => String, { description: '答复结果' }) result!: string;
  @Field(() => String, { description: '答复结果（中文）' }) resultLabel!: string;
  @Field(() => ID) departmentId!: string;
  @Field(() => String, { description: '承办科室' }) departmentName!: string;
  @Field(() => Date, { description: '答复时间' }) repliedAt!: Date;
  @Field(() => Date, { description: '局审核通过时间' }) approvedAt!: Date;
  @Field(() => Date, { nullable: true, description: '首次联系时间' }) contactedAt?: Date | null;
}

@Resolver()
export class FeedbackReplyResolver {
  @Authorized([scopeRule('dispatch.reply:read')])
  @Directive('@inaccessible')
  @Query(() => CompletionReply, { description: '办结答复全文（仅内部服务调用）' })
  async completionReply(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('completedAt', () => Date, { nullable: true, description: '办结时间：取该时刻之前最后一次通过审核的答复' }) completedAt: Date | null | undefined,
    @Ctx() ctx: DispatchContext,
  ): Promise<CompletionReply> {
    const reply = await ctx.em.findOne(
      Reply,
      { caseId, reviewStatus: 'approved', ...(completedAt ? { reviewedAt: { $lte: completedAt } } : {}) },
      { orderBy: { reviewedAt: 'desc' } },
    );
    if (!reply) throw codedError(DISPATCH_ERRORS.NO_APPROVED_REPLY);
    const [c, dept] = await Promise.all([ctx.em.findOne(DispatchCase, { id: caseId }), ctx.em.findOne(DepartmentProjection, { id: reply.departmentId })]);
    return {
      caseId,
      text: reply.text,
      result: reply.result,
      resultLabel: REPLY_RESULT_LABELS[reply.result] ?? reply.result,
      departmentId: reply.departmentId,
      departmentName: dept?.name ?? '',
      repliedAt: reply.repliedAt,
      approvedAt: reply.reviewedAt!,
      contactedAt: c?.contactedAt ?? null,
    };
  }
}
