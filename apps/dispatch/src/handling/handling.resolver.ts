import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import type { ContactChannel, ReplyResult, ReturnReason } from '@hotline/contracts';
import { requireUser } from '@hotline/service-kit';
import { reportAssist } from '../assists/report-assist';
import { CaseNode } from '../cases/case.resolver';
import type { DispatchCase } from '../cases/dispatch-case.entity';
import { ContactChannelEnum, ReturnReasonEnum } from '../cases/enums';
import type { DispatchContext } from '../context';

type Ctx = DispatchContext;
import { requestExtension } from '../extensions/request-extension';
import { ReplyResultEnum } from '../replies/reply.entity';
import { replyCase } from '../replies/reply-case';
import { returnCase } from '../returns/return-case';
import { acceptCase } from './accept-case';
import { recordContact } from './record-contact';

@InputType({ description: '对工单的操作' })
class CaseActionInput {
  @Field(() => ID) caseId!: string;
  @Field(() => Int, { nullable: true, description: '操作时看到的版本号（Handling.version）；已被他人更新时返回 CONFLICT' }) expectedVersion?: number;
}

@InputType({ description: '退回' })
class ReturnInput extends CaseActionInput {
  @Field(() => ReturnReasonEnum, { description: '退回原因' }) reasonCode!: ReturnReason;
  @Field(() => String, { description: '退回依据，如权责清单条目' }) basis!: string;
}

@InputType({ description: '登记首次联系' })
class ContactInput extends CaseActionInput {
  @Field(() => ContactChannelEnum) channel!: ContactChannel;
  @Field(() => Date, { nullable: true, description: '联系时间，默认当前' }) contactedAt?: Date;
}

@InputType({ description: '申请延期' })
class ExtensionRequestInput extends CaseActionInput {
  @Field(() => String, { description: '延期理由' }) reason!: string;
  @Field(() => Date, { description: '申请延至' }) requestedUntil!: Date;
}

@InputType({ description: '协办反馈' })
class AssistReportInput extends CaseActionInput {
  @Field(() => String) text!: string;
}

@InputType({ description: '科室答复' })
class ReplyInput extends CaseActionInput {
  @Field(() => ReplyResultEnum) result!: ReplyResult;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: '采用的统一答复口径（见 Case.offeredReplyScript）' }) scriptId?: string;
  @Field(() => Int, { nullable: true, description: '采用的口径版本（与 scriptId 一同提供）' }) scriptVersion?: number;
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** What a department handler (科室承办人) does with a case. */
@Resolver()
export class HandlingResolver {
  /** 接收 */
  @Authorized(['handler'])
  @Mutation(() => CaseNode, { description: '主办科室接收工单' })
  acceptCase(@Arg('input', () => CaseActionInput) input: CaseActionInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return acceptCase(ctx.em, requireUser(ctx), strip(input));
  }

  /** 退回 */
  @Authorized(['handler'])
  @Mutation(() => CaseNode, { description: '主办科室退回分转错误的工单（回到待分转）' })
  returnCase(@Arg('input', () => ReturnInput) input: ReturnInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return returnCase(ctx.em, requireUser(ctx), strip(input));
  }

  /** 首次联系 */
  @Authorized(['handler'])
  @Mutation(() => CaseNode, { description: '登记首次联系市民' })
  recordContact(@Arg('input', () => ContactInput) input: ContactInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return recordContact(ctx.em, requireUser(ctx), strip(input));
  }

  /** 申请延期 */
  @Authorized(['handler'])
  @Mutation(() => CaseNode, { description: '申请延期（须在办理时限前）' })
  requestExtension(@Arg('input', () => ExtensionRequestInput) input: ExtensionRequestInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return requestExtension(ctx.em, requireUser(ctx), strip(input));
  }

  /** 协办反馈 */
  @Authorized(['handler'])
  @Mutation(() => CaseNode, { description: '协办科室向主办科室反馈' })
  reportAssist(@Arg('input', () => AssistReportInput) input: AssistReportInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return reportAssist(ctx.em, requireUser(ctx), strip(input));
  }

  /** 答复 */
  @Authorized(['handler'])
  @Mutation(() => CaseNode, { description: '主办科室答复（协办科室均已反馈后）' })
  replyCase(@Arg('input', () => ReplyInput) input: ReplyInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return replyCase(ctx.em, requireUser(ctx), strip(input));
  }
}
