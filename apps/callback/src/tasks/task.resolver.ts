import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CallbackOutcome, Satisfaction } from '@hotline/contracts';
import { scrubText } from '@hotline/contracts';
import { Authorized, DepartmentRef, groupBy, loaderFor, requireUser, UserRef } from '@hotline/service-kit';
import type { CallbackContext } from '../context';
import { CallbackOutcomeEnum, QueueView, QueueViewEnum, SatisfactionEnum } from '../enums';
import { AttemptNode, CaseNode, OfficialNode, ResultNode, TaskNode, TaskPage } from '../graphql-types';
import { OfficialResult } from '../official/official-result.entity';
import { CallbackResult } from '../results/callback-result.entity';
import { recordResult } from '../results/record-result';
import { assignTask } from './assign-task';
import { CallbackAttempt, CallbackTask } from './callback-task.entity';
import { callbackQueue } from './queue';
import { recordAttempt } from './record-attempt';

type Ctx = CallbackContext;

@InputType('CallbackAttemptInput', { description: '登记一次回访呼叫' })
class AttemptInput {
  @Field(() => ID) taskId!: string;
  @Field(() => CallbackOutcomeEnum) outcome!: CallbackOutcome;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType('CallbackResultInput', { description: '登记回访结果（已接通）' })
class ResultInput {
  @Field(() => ID) taskId!: string;
  @Field(() => Boolean, { description: '是否解决' }) resolved!: boolean;
  @Field(() => SatisfactionEnum, { description: '满意度' }) satisfaction!: Satisfaction;
  @Field(() => String, { nullable: true, description: '回访记录' }) notes?: string;
  @Field(() => String, { nullable: true, description: '重办说明：未解决或不满意时必填' }) explanation?: string;
}

const byKey = <T>(ctx: Ctx, name: string, load: (ids: readonly string[]) => Promise<T[]>, key: (r: T) => string) =>
  loaderFor<T[]>(ctx, name, async (ids) => groupBy(await load(ids), key), []);

@Resolver(() => TaskNode)
export class TaskResolver {
  /** 待回访 */
  @Authorized(['callback', 'supervisor', 'admin'])
  @Query(() => TaskPage, { description: '待回访：按回访时限排序，服务器分页；回访员可看「我的」「未领取」或全部' })
  async callbackQueue(
    @Arg('view', () => QueueViewEnum, { defaultValue: 'all' }) view: QueueView,
    @Arg('page', () => Int, { defaultValue: 1 }) page: number,
    @Arg('pageSize', () => Int, { defaultValue: 20 }) pageSize: number,
    @Arg('externalNo', () => String, { nullable: true, description: '按工单编号（或其开头）查找' }) externalNo: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<TaskPage> {
    const r = await callbackQueue(ctx.em, requireUser(ctx), { view, page, pageSize, externalNo });
    return r as unknown as TaskPage;
  }

  @Authorized(['callback', 'supervisor', 'admin'])
  @Mutation(() => TaskNode, { description: '领取回访任务（回访员）或分配给回访员（督办员，agentId 为空即收回）' })
  assignCallbackTask(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('agentId', () => ID, { nullable: true }) agentId: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<CallbackTask> {
    return assignTask(ctx.em, requireUser(ctx), { taskId, agentId }, ctx.agents);
  }

  @Authorized(['callback'])
  @Mutation(() => TaskNode, { description: '登记一次回访呼叫（仅承办回访员）' })
  recordCallbackAttempt(@Arg('input', () => AttemptInput) input: AttemptInput, @Ctx() ctx: Ctx): Promise<CallbackTask> {
    return recordAttempt(ctx.em, requireUser(ctx), { ...input }, ctx.settings);
  }

  @Authorized(['callback'])
  @Mutation(() => TaskNode, { description: '登记回访结果（仅承办回访员；每个工单每轮一次；未解决或不满意时工单重新办理）' })
  recordCallbackResult(@Arg('input', () => ResultInput) input: ResultInput, @Ctx() ctx: Ctx): Promise<CallbackTask> {
    return recordResult(ctx.em, requireUser(ctx), { ...input }, ctx.settings);
  }

  @FieldResolver(() => CaseNode)
  case(@Root() t: CallbackTask): CaseNode {
    return { id: t.caseId };
  }

  @FieldResolver(() => DepartmentRef, { nullable: true })
  department(@Root() t: CallbackTask): DepartmentRef | null {
    return t.departmentId ? { id: t.departmentId } : null;
  }

  @FieldResolver(() => UserRef, { nullable: true })
  assignee(@Root() t: CallbackTask): UserRef | null {
    return t.assigneeId ? { id: t.assigneeId } : null;
  }

  @FieldResolver(() => Boolean)
  heldByMe(@Root() t: CallbackTask, @Ctx() ctx: Ctx): boolean {
    return !!ctx.user && t.assigneeId === ctx.user.id;
  }

  @FieldResolver(() => [AttemptNode])
  async attemptLog(@Root() t: CallbackTask, @Ctx() ctx: Ctx): Promise<AttemptNode[]> {
    const rows = await byKey(
      ctx,
      'attempts',
      (ids) => ctx.em.find(CallbackAttempt, { taskId: { $in: [...ids] } }, { orderBy: { attempt: 'asc' } }),
      (r) => r.taskId,
    ).load(t.id);
    return rows.map((a) => ({
      attempt: a.attempt,
      outcome: a.outcome,
      note: a.note ? scrubText(a.note) : null,
      at: a.at,
      by: { id: a.byUser },
      nextAttemptAt: a.nextAttemptAt,
    }));
  }

  @FieldResolver(() => ResultNode, { nullable: true })
  async result(@Root() t: CallbackTask, @Ctx() ctx: Ctx): Promise<ResultNode | null> {
    const [r] = await byKey(
      ctx,
      'results',
      (ids) => ctx.em.find(CallbackResult, { taskId: { $in: [...ids] } }),
      (x) => x.taskId,
    ).load(t.id);
    return r
      ? {
          round: r.round,
          reached: r.reached,
          resolved: r.resolved,
          satisfaction: r.satisfaction,
          notes: r.notes ? scrubText(r.notes) : null,
          recordedAt: r.recordedAt,
          recordedBy: r.recordedBy ? { id: r.recordedBy } : null,
        }
      : null;
  }

  @FieldResolver(() => OfficialNode, { nullable: true })
  async official(@Root() t: CallbackTask, @Ctx() ctx: Ctx): Promise<OfficialNode | null> {
    const rows = await byKey(
      ctx,
      'official',
      (ids) => ctx.em.find(OfficialResult, { caseId: { $in: [...ids] } }),
      (x) => x.caseId,
    ).load(t.caseId);
    return rows.find((o) => o.round === t.round) ?? null;
  }
}
