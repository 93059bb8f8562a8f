import type { QueueSort } from '@hotline/contracts';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { assertInScope, Authorized, DepartmentRef, groupBy, loaderFor, MAX_PAGE_SIZE, pageRequest, requireUser, rowsById, UserRef } from '@hotline/service-kit';
import { AssistTask } from '../assists/assist-task.entity';
import type { DispatchContext } from '../context';

type Ctx = DispatchContext;
import { dispatchDueAt } from '../deadlines/handling-limit';
import { AssignmentRecord } from '../dispatching/assignment-record.entity';
import { ExtensionRequest } from '../extensions/extension-request.entity';
import { inboxBucketOf, InboxBucket } from '../handling/handling-rules';
import {
  departmentInbox,
  departmentInboxCounts,
  departmentInboxPage,
  departmentReturns,
  dispatchQueue,
  dispatchQueueSummary,
  pendingExtensions,
  reviewQueue,
} from '../inbox/queues';
import { Reply } from '../replies/reply.entity';
import { DispatchCase } from './dispatch-case.entity';
import { ContactChannelEnum, InboxBucketEnum, QueueSortEnum } from './enums';

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
  @Field(() => String, { description: 'dispatched | accepted | replied | completed' }) status!: string;
}

/** 办理情况 — the department work on a case, as dispatch tracks it. */
@ObjectType('Handling', { description: '办理情况' })
class Handling {
  @Field(() => String, {
    description:
      '派单服务的办理状态（决定可做的操作）：signed 待分转 dispatched 已分转 accepted 科室已接收 replied 已答复待审核 completed 已办结。工单阶段以 Case.stage 为准',
  })
  state!: string;
  @Field(() => Int, { description: '版本号：操作时作为 expectedVersion 传回，防止覆盖他人的操作' }) version!: number;
  @Field(() => Date, { nullable: true, description: '接收时间' }) acceptedAt?: Date | null;
  @Field(() => UserRef, { nullable: true }) acceptedBy?: UserRef | null;
  @Field(() => Date, { nullable: true, description: '首次联系时间' }) contactedAt?: Date | null;
  @Field(() => ContactChannelEnum, { nullable: true, description: '首次联系方式' }) contactChannel?: string | null;
  @Field(() => Date, { nullable: true, description: '办结时间' }) completedAt?: Date | null;
  @Field(() => Int, { description: '被退回次数' }) returnCount!: number;
  @Field(() => Int, { description: '办理轮次：1 首次办理，2 起为回访不满意后的二次督办' }) round!: number;
  @Field(() => InboxBucketEnum, { nullable: true, description: '在科室工作台中的分组' }) inboxBucket?: string | null;
}

@ObjectType('InboxCounts', { description: '科室工作台各分组数量' })
class InboxCounts {
  @Field(() => Int, { description: '新到' }) new!: number;
  @Field(() => Int, { description: '办理中' }) inProgress!: number;
  @Field(() => Int, { description: '即将超期' }) dueSoon!: number;
  @Field(() => Int, { description: '已超期' }) overdue!: number;
  @Field(() => Int, { description: '近 30 天退回' }) returned!: number;
}

@ObjectType('DispatchQueueSummary', { description: '待分转概况' })
class DispatchQueueSummary {
  @Field(() => Int, { description: '待分转数量' }) count!: number;
  @Field(() => Date, { nullable: true, description: '等待最久一件进入待分转的时间' }) oldestQueuedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: '等待最久一件已等待的分钟数' }) oldestWaitMinutes!: number | null;
}

@ObjectType('ReviewQueuePage', { description: '局审核队列的一页' })
class ReviewQueuePage {
  @Field(() => Int, { description: '待审核总数' }) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [CaseNode]) items!: DispatchCase[];
}

@ObjectType('ExtensionQueuePage', { description: '延期审批队列的一页' })
class ExtensionQueuePage {
  @Field(() => Int, { description: '待审批总数' }) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [ExtensionRequest]) items!: ExtensionRequest[];
}

@ObjectType('DepartmentInboxPage', { description: '科室工作台的一页' })
class DepartmentInboxPage {
  @Field(() => Int, { description: '符合分组与筛选条件的工单总数' }) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [CaseNode]) items!: DispatchCase[];
}

/** One query per request for a child table of every case the request lists (no N+1). */
function byCase<T extends { caseId: string }>(ctx: Ctx, name: string, entity: new () => T, order: keyof T & string) {
  return loaderFor<T[]>(
    ctx,
    name,
    async (ids) => groupBy(await ctx.em.find(entity, { caseId: { $in: [...ids] } } as never, { orderBy: { [order]: 'asc' } as never }), (r) => r.caseId),
    [],
  );
}

export const known = (c: DispatchCase | CaseNode): c is DispatchCase => c instanceof DispatchCase;

@Resolver(() => CaseNode)
export class CaseResolver {
  /** 待分转 */
  @Authorized(['duty', 'supervisor', 'leader'])
  @Query(() => [CaseNode], { description: '待分转（含被退回的工单），分页：默认等待最久的在前，可按紧急程度排序；总数见 dispatchQueueSummary' })
  dispatchQueue(
    @Arg('offset', () => Int, { nullable: true, description: '起始位置，默认 0' }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true, description: '每页条数 1–200，默认 200' }) limit: number | null,
    @Arg('sort', () => QueueSortEnum, { nullable: true, description: '排序，默认 wait' }) sort: QueueSort | null,
    @Arg('filter', () => String, { nullable: true, description: '按工单编号、标题或楼盘筛选（最多 100 字）' }) filter: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<DispatchCase[]> {
    return dispatchQueue(ctx.em, pageRequest(offset, limit, MAX_PAGE_SIZE), sort ?? 'wait', filter);
  }

  @Authorized(['duty', 'supervisor', 'leader'])
  @Query(() => DispatchQueueSummary, { description: '待分转数量与等待最久一件的等待时间；给出 filter 时为筛选后的数量' })
  dispatchQueueSummary(
    @Arg('filter', () => String, { nullable: true, description: '与 dispatchQueue 的 filter 相同' }) filter: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<DispatchQueueSummary> {
    return dispatchQueueSummary(ctx.em, new Date(), filter);
  }

  /** 局审核 */
  @Authorized(['duty', 'supervisor', 'leader'])
  @Query(() => ReviewQueuePage, { description: '局审核：答复待审核的工单，分页，答复最早的在前，可筛选' })
  async reviewQueue(
    @Arg('offset', () => Int, { nullable: true, description: '起始位置，默认 0' }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true, description: '每页条数 1–200，默认 50' }) limit: number | null,
    @Arg('filter', () => String, { nullable: true, description: '按工单编号、标题或楼盘筛选（最多 100 字）' }) filter: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ReviewQueuePage> {
    const page = pageRequest(offset, limit);
    return { ...page, ...(await reviewQueue(ctx.em, page, filter)) };
  }

  /** 延期审批 */
  @Authorized(['supervisor', 'leader'])
  @Query(() => ExtensionQueuePage, { description: '延期审批：所有待审批的延期申请（不论工单多旧），分页，申请最早的在前' })
  async pendingExtensions(
    @Arg('offset', () => Int, { nullable: true, description: '起始位置，默认 0' }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true, description: '每页条数 1–200，默认 50' }) limit: number | null,
    @Ctx() ctx: Ctx,
  ): Promise<ExtensionQueuePage> {
    const page = pageRequest(offset, limit);
    return { ...page, ...(await pendingExtensions(ctx.em, page)) };
  }

  /** 科室工作台 */
  @Authorized(['handler'])
  @Query(() => [CaseNode], { description: '科室工作台：本科室主办或协办的在办工单，可按分组筛选（最多 500 件；完整分页见 departmentInboxPage）' })
  departmentInbox(
    @Arg('bucket', () => InboxBucketEnum, { nullable: true }) bucket: Exclude<InboxBucket, 'returned'> | null,
    @Ctx() ctx: Ctx,
  ): Promise<DispatchCase[]> {
    return departmentInbox(ctx.em, requireUser(ctx), bucket);
  }

  @Authorized(['handler'])
  @Query(() => DepartmentInboxPage, {
    description: '科室工作台（分页）：本科室主办或协办的在办工单，按分组和工单编号、标题或楼盘在服务端筛选，办理时限最近的在前',
  })
  async departmentInboxPage(
    @Arg('bucket', () => InboxBucketEnum, { nullable: true, description: '分组；不填为全部在办工单' }) bucket: Exclude<InboxBucket, 'returned'> | null,
    @Arg('offset', () => Int, { nullable: true, description: '起始位置，默认 0' }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true, description: '每页条数 1–200，默认 50' }) limit: number | null,
    @Arg('filter', () => String, { nullable: true, description: '按工单编号、标题或楼盘筛选（最多 100 字）' }) filter: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<DepartmentInboxPage> {
    const page = pageRequest(offset, limit);
    return { ...page, ...(await departmentInboxPage(ctx.em, requireUser(ctx), page, bucket, filter)) };
  }

  @Authorized(['handler'])
  @Query(() => InboxCounts, { description: '科室工作台各分组数量' })
  departmentInboxCounts(@Ctx() ctx: Ctx): Promise<InboxCounts> {
    return departmentInboxCounts(ctx.em, requireUser(ctx));
  }

  @Authorized(['handler'])
  @Query(() => [AssignmentRecord], { description: '本科室退回的工单（退回记录）' })
  departmentReturns(@Ctx() ctx: Ctx): Promise<AssignmentRecord[]> {
    return departmentReturns(ctx.em, requireUser(ctx));
  }

  @FieldResolver(() => Date, { nullable: true, description: '分转截止时间（进入待分转后 30 分钟）' })
  dispatchDueAt(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: Ctx): Date | null {
    // A merged case (并单) is not waiting for dispatch: no clock.
    const from = known(c) && !c.mergedIntoCaseId ? (c.queuedAt ?? c.signedAt) : null;
    return from ? dispatchDueAt(from, ctx.dispatchLimitMinutes) : null;
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

  @FieldResolver(() => Handling, { nullable: true, description: '办理情况（接收、联系、版本号、工作台分组）' })
  handling(@Root() c: DispatchCase | CaseNode): Handling | null {
    if (!known(c)) return null;
    const now = new Date();
    return {
      state: c.stage,
      version: c.version,
      acceptedAt: c.acceptedAt,
      acceptedBy: c.acceptedBy ? { id: c.acceptedBy } : null,
      contactedAt: c.contactedAt,
      contactChannel: c.contactChannel,
      completedAt: c.completedAt,
      returnCount: c.returnCount,
      round: c.round,
      inboxBucket: ['dispatched', 'accepted', 'replied'].includes(c.stage) && !c.mergedIntoCaseId ? inboxBucketOf(c, now) : null,
    };
  }

  @FieldResolver(() => [Reply], { description: '科室答复（含局审核结果）' })
  replies(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: Ctx): Promise<Reply[]> | Reply[] {
    return known(c) ? byCase(ctx, 'replies', Reply, 'repliedAt').load(c.id) : [];
  }

  @FieldResolver(() => [AssistTask], { description: '协办任务与反馈' })
  assistTasks(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: Ctx): Promise<AssistTask[]> | AssistTask[] {
    return known(c) ? byCase(ctx, 'assistTasks', AssistTask, 'assignedAt').load(c.id) : [];
  }

  @FieldResolver(() => [ExtensionRequest], { description: '延期申请' })
  extensions(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: Ctx): Promise<ExtensionRequest[]> | ExtensionRequest[] {
    return known(c) ? byCase(ctx, 'extensions', ExtensionRequest, 'requestedAt').load(c.id) : [];
  }

  @FieldResolver(() => [AssignmentRecord], { description: '分派记录：分转、改派、退回（谁、从哪、到哪、何时、为何、持有时长）' })
  assignmentHistory(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: Ctx): Promise<AssignmentRecord[]> | AssignmentRecord[] {
    return known(c) ? byCase(ctx, 'assignmentHistory', AssignmentRecord, 'at').load(c.id) : [];
  }
}

/** The case an extension request belongs to (延期审批 lists requests; the gateway fills in intake's fields). */
@Resolver(() => ExtensionRequest)
export class ExtensionRequestResolver {
  @FieldResolver(() => CaseNode, { description: '所属工单' })
  async case(@Root() x: ExtensionRequest, @Ctx() ctx: Ctx): Promise<DispatchCase | CaseNode> {
    const c = await loaderFor<DispatchCase | null>(
      ctx,
      'extensionCase',
      async (ids) => new Map((await ctx.em.find(DispatchCase, { id: { $in: [...ids] } })).map((r) => [r.id, r])),
      null,
    ).load(x.caseId);
    return c ?? Object.assign(new CaseNode(), { id: x.caseId });
  }
}

/** Fields of a returned-case record that a department's 已退回 list shows. */
@Resolver(() => AssignmentRecord)
export class AssignmentRecordResolver {
  @FieldResolver(() => String, { description: '工单编号' })
  async externalNo(@Root() r: AssignmentRecord, @Ctx() ctx: Ctx): Promise<string> {
    return (await ctx.em.findOne(DispatchCase, { id: r.caseId }))?.externalNo ?? '';
  }

  @FieldResolver(() => String, { description: '工单标题（摘要）' })
  async title(@Root() r: AssignmentRecord, @Ctx() ctx: Ctx): Promise<string> {
    return (await ctx.em.findOne(DispatchCase, { id: r.caseId }))?.title ?? '';
  }
}

/** The gateway asks for dispatch's fields of a case; a handler's scope applies here too. */
export const caseReference = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx): Promise<DispatchCase | CaseNode> => {
    const user = requireUser(ctx);
    const c = await rowsById(ctx, 'case-reference', (ids) => ctx.em.find(DispatchCase, { id: { $in: ids } })).load(ref.id);
    if (!c) return Object.assign(new CaseNode(), { id: ref.id }); // not yet projected here
    assertInScope(user, c.departmentIds());
    return c;
  },
};
