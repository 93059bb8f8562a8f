import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { maskAddress, maskName, maskPhone, RequestType, Urgency } from '@hotline/contracts';
import { actorOf, requireUser, ServiceContext } from '@hotline/service-kit';
import { signCase, signCases } from '../signing/sign-case';
import { TimelineEntry } from '../timeline/timeline-entry.entity';
import { Case, CaseStageEnum, RequestTypeEnum, UrgencyEnum } from './case.entity';
import { findCaseForUser, listCases, unsignedCases } from './case-queries';
import { receiveCase } from './receive-case';

@InputType({ description: '接收工单' })
class ReceiveCaseInput {
  @Field(() => String) externalNo!: string;
  @Field(() => Date, { nullable: true }) receivedAt?: Date;
  @Field(() => String) citizenName!: string;
  @Field(() => String) citizenPhone!: string;
  @Field(() => String, { nullable: true }) address?: string;
  @Field(() => String, { nullable: true }) projectName?: string;
  @Field(() => String, { nullable: true }) street?: string;
  @Field(() => String) title!: string;
  @Field(() => String) content!: string;
  @Field(() => RequestTypeEnum) requestType!: RequestType;
  @Field(() => String) topic!: string;
  @Field(() => UrgencyEnum, { nullable: true }) urgency?: Urgency;
  @Field(() => Date, { nullable: true }) deadlineAt?: Date;
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

@Resolver(() => Case)
export class CaseResolver {
  /** 接收工单 (by hand or from the district platform's push). */
  @Authorized(['duty'])
  @Mutation(() => Case)
  async receiveCase(@Arg('input', () => ReceiveCaseInput) input: ReceiveCaseInput, @Ctx() ctx: ServiceContext): Promise<Case> {
    const user = requireUser(ctx);
    const { case: c } = await receiveCase(ctx.em, actorOf(user), { ...strip(input), channel: 'manual' });
    return c;
  }

  /** 签收 */
  @Authorized(['duty'])
  @Mutation(() => Case)
  signCase(@Arg('id', () => ID) id: string, @Ctx() ctx: ServiceContext): Promise<Case> {
    return signCase(ctx.em, requireUser(ctx), id);
  }

  /** 批量签收 */
  @Authorized(['duty'])
  @Mutation(() => [Case])
  signCases(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: ServiceContext): Promise<Case[]> {
    return signCases(ctx.em, requireUser(ctx), ids);
  }

  /** 待签收 */
  @Authorized(['duty', 'supervisor', 'leader'])
  @Query(() => [Case])
  unsignedCases(@Ctx() ctx: ServiceContext): Promise<Case[]> {
    return unsignedCases(ctx.em);
  }

  @Authorized()
  @Query(() => Case, { description: '工单详情；不在本人范围内的工单视为不存在' })
  case(@Arg('id', () => ID) id: string, @Ctx() ctx: ServiceContext): Promise<Case> {
    return findCaseForUser(ctx.em, requireUser(ctx), id);
  }

  @Authorized(['duty', 'supervisor', 'leader', 'handler'])
  @Query(() => [Case], { description: '工单列表（最近的在前）' })
  cases(
    @Arg('stage', () => CaseStageEnum, { nullable: true }) stage: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: ServiceContext,
  ): Promise<Case[]> {
    return listCases(ctx.em, requireUser(ctx), { stage, limit: Math.min(Math.max(limit, 1), 500) });
  }

  @FieldResolver(() => String, { description: '来电人（脱敏）' })
  citizenName(@Root() c: Case): string {
    return maskName(c.citizenName);
  }

  @FieldResolver(() => String, { description: '联系电话（脱敏）' })
  citizenPhone(@Root() c: Case): string {
    return maskPhone(c.citizenPhone);
  }

  @FieldResolver(() => String, { nullable: true, description: '地址（脱敏）' })
  address(@Root() c: Case): string | null {
    return c.address ? maskAddress(c.address) : null;
  }

  @FieldResolver(() => [TimelineEntry], { description: '时间线：谁、何时、做了什么、为什么' })
  timeline(@Root() c: Case, @Ctx() ctx: ServiceContext): Promise<TimelineEntry[]> {
    return ctx.em.find(TimelineEntry, { caseId: c.id }, { orderBy: { occurredAt: 'asc', id: 'asc' } });
  }
}

/** The gateway asks intake for a case's fields by id; scope applies here too. */
export const caseReference = {
  __resolveReference: (ref: { id: string }, ctx: ServiceContext) => findCaseForUser(ctx.em, requireUser(ctx), ref.id),
};
