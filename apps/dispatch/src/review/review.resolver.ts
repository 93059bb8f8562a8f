import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { requireUser } from '@hotline/service-kit';
import { CaseNode } from '../cases/case.resolver';
import type { DispatchCase } from '../cases/dispatch-case.entity';
import type { DispatchContext } from '../context';

type Ctx = DispatchContext;
import { decideExtension } from '../extensions/request-extension';
import { approveReply, rejectReply } from './review-reply';

@InputType({ description: '局审核通过' })
class ApproveReplyInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType({ description: '局审核退回' })
class RejectReplyInput extends ApproveReplyInput {
  @Field(() => String, { description: '退回理由' }) reason!: string;
}

@InputType({ description: '审批延期' })
class ExtensionDecisionInput {
  @Field(() => ID) extensionId!: string;
  @Field(() => String, { nullable: true, description: '审批意见（不批准时必填）' }) note?: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** What the bureau (duty operators, supervisors) decides on a department's work. */
@Resolver()
export class ReviewResolver {
  /** 局审核通过 → 办结 */
  @Authorized(['duty', 'supervisor'])
  @Mutation(() => CaseNode, { description: '局审核通过答复，工单办结' })
  approveReply(@Arg('input', () => ApproveReplyInput) input: ApproveReplyInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return approveReply(ctx.em, requireUser(ctx), strip(input));
  }

  /** 局审核退回 */
  @Authorized(['duty', 'supervisor'])
  @Mutation(() => CaseNode, { description: '局审核退回答复，主办科室重新办理' })
  rejectReply(@Arg('input', () => RejectReplyInput) input: RejectReplyInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return rejectReply(ctx.em, requireUser(ctx), strip(input));
  }

  /** 批准延期 */
  @Authorized(['supervisor'])
  @Mutation(() => CaseNode, { description: '督办员批准延期，新的办理时限生效' })
  approveExtension(@Arg('input', () => ExtensionDecisionInput) input: ExtensionDecisionInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return decideExtension(ctx.em, requireUser(ctx), { ...strip(input), approve: true });
  }

  /** 不批准延期 */
  @Authorized(['supervisor'])
  @Mutation(() => CaseNode, { description: '督办员不批准延期（须填写理由）' })
  refuseExtension(@Arg('input', () => ExtensionDecisionInput) input: ExtensionDecisionInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return decideExtension(ctx.em, requireUser(ctx), { ...strip(input), approve: false });
  }
}
