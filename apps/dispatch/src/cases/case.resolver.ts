import { Arg, Authorized, Ctx, Directive, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ReplyResult } from '@hotline/contracts';
import { assertInScope, requireUser, ServiceContext } from '@hotline/service-kit';
import { dispatchDueAt } from '../deadlines/handling-limit';
import { dispatchCase } from '../dispatching/dispatch-case';
import { DepartmentRef, UserRef } from '../federation/refs';
import { departmentInbox, dispatchQueue } from '../inbox/queues';
import { Reply, ReplyResultEnum } from '../replies/reply.entity';
import { replyCase } from '../replies/reply-case';
import { DispatchCase } from './dispatch-case.entity';

type Ctx = ServiceContext & { dispatchLimitMinutes: number };

/** intake's Case, extended here with what dispatch knows. */
@Directive('@key(fields: "id")')
@ObjectType('Case')
export class CaseNode {
  @Field(() => ID) id!: string;
}

/** 分派 — who handles the case (主办/协办) and by when. */
@ObjectType('Assignment', { description: '分派信息' })
class Assignment {
  @Field(() => ID, { description: '主办科室' }) leadDepartmentId!: string;
  @Field(() => DepartmentRef) leadDepartment!: DepartmentRef;
  @Field(() => [ID], { description: '协办科室' }) assistDepartmentIds!: string[];
  @Field(() => [DepartmentRef]) assistDepartments!: DepartmentRef[];
  @Field(() => Date) dispatchedAt!: Date;
  @Field(() => UserRef, { nullable: true }) dispatchedBy?: UserRef | null;
  @Field(() => Date, { nullable: true, description: '办理时限' }) deadlineAt?: Date | null;
  @Field(() => String, { description: 'dispatched | replied | completed' }) status!: string;
}

@InputType({ description: '分转派单' })
class DispatchInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ID, { description: '主办科室' }) leadDepartmentId!: string;
  @Field(() => [ID], { nullable: true, description: '协办科室' }) assistDepartmentIds?: string[];
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: '科室答复' })
class ReplyInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ReplyResultEnum) result!: ReplyResult;
  @Field(() => String) text!: string;
}

const known = (c: DispatchCase | CaseNode): c is DispatchCase => c instanceof DispatchCase;

@Resolver(() => CaseNode)
export class CaseResolver {
  /** 待分转 */
  @Authorized(['duty', 'supervisor', 'leader'])
  @Query(() => [CaseNode])
  dispatchQueue(@Ctx() ctx: Ctx): Promise<DispatchCase[]> {
    return dispatchQueue(ctx.em);
  }

  /** 科室工作台 */
  @Authorized(['handler'])
  @Query(() => [CaseNode])
  departmentInbox(@Ctx() ctx: Ctx): Promise<DispatchCase[]> {
    return departmentInbox(ctx.em, requireUser(ctx));
  }

  @Authorized(['duty'])
  @Mutation(() => CaseNode)
  dispatchCase(@Arg('input', () => DispatchInput) input: DispatchInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return dispatchCase(ctx.em, requireUser(ctx), { ...input, assistDepartmentIds: input.assistDepartmentIds ?? [] });
  }

  @Authorized(['handler'])
  @Mutation(() => CaseNode)
  replyCase(@Arg('input', () => ReplyInput) input: ReplyInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return replyCase(ctx.em, requireUser(ctx), { ...input });
  }

  @FieldResolver(() => Date, { nullable: true, description: '分转截止时间（签收后 30 分钟）' })
  dispatchDueAt(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: Ctx): Date | null {
    return known(c) && c.signedAt ? dispatchDueAt(c.signedAt, ctx.dispatchLimitMinutes) : null;
  }

  @FieldResolver(() => Assignment, { nullable: true })
  assignment(@Root() c: DispatchCase | CaseNode): Assignment | null {
    if (!known(c) || !c.leadDepartmentId || !c.dispatchedAt) return null;
    return {
      leadDepartmentId: c.leadDepartmentId,
      leadDepartment: { id: c.leadDepartmentId },
      assistDepartmentIds: c.assistDepartmentIds,
      assistDepartments: c.assistDepartmentIds.map((id) => ({ id })),
      dispatchedAt: c.dispatchedAt,
      dispatchedBy: c.dispatchedBy ? { id: c.dispatchedBy } : null,
      deadlineAt: c.handleDeadlineAt,
      status: c.stage,
    };
  }

  @FieldResolver(() => [Reply], { description: '科室答复' })
  replies(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: Ctx): Promise<Reply[]> | Reply[] {
    return known(c) ? ctx.em.find(Reply, { caseId: c.id }, { orderBy: { repliedAt: 'asc' } }) : [];
  }
}

/** The gateway asks for dispatch's fields of a case; a handler's scope applies here too. */
export const caseReference = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx): Promise<DispatchCase | CaseNode> => {
    const user = requireUser(ctx);
    const c = await ctx.em.findOne(DispatchCase, { id: ref.id });
    if (!c) return Object.assign(new CaseNode(), { id: ref.id }); // not yet projected here
    assertInScope(user, c.departmentIds());
    return c;
  },
};
