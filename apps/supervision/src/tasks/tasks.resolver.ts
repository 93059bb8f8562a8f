import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TRACKED_TASK_SOURCE_LABELS, TRACKED_TASK_SOURCES, TrackedTaskSource, URGE_LEVEL_LABELS, UrgeLevel, SUPERVISION_ERRORS } from '@hotline/contracts';
import { Authorized, departmentScope, isUuid, pageRequest, requireUser, codedError } from '@hotline/service-kit';
import type { SupervisionContext } from '../context';
import { departmentNames } from '../departments/department-check';
import { taskAlarmsOf } from './task-alarms';
import { CompleteTrackedTaskInput, TrackedTaskNode, TrackedTaskPage } from './task.types';
import { completeTask } from './tasks';
import { TrackedTask } from './tracked-task.entity';

/** Tasks as the API shows them: names, the overdue flag and the ladder of each. */
export async function taskNodes(em: EntityManager, tasks: readonly TrackedTask[], now = new Date()): Promise<TrackedTaskNode[]> {
  const names = await departmentNames(
    em,
    tasks.map((t) => t.departmentId),
  );
  const alarms = await taskAlarmsOf(
    em,
    tasks.map((t) => t.id),
  );
  return tasks.map((t) => ({
    id: t.id,
    source: t.source,
    sourceLabel: TRACKED_TASK_SOURCE_LABELS[t.source],
    sourceId: t.sourceId,
    meetingId: t.meetingId ?? null,
    decisionId: t.decisionId ?? null,
    title: t.title,
    department: { id: t.departmentId },
    departmentName: names.get(t.departmentId) ?? '未知科室',
    dueDate: t.dueDate,
    dueAt: t.dueAt,
    status: t.status,
    overdue: (t.doneAt ?? now).getTime() > t.dueAt.getTime(),
    doneAt: t.doneAt ?? null,
    doneNote: t.doneNote ?? null,
    reminders: alarms
      .filter((a) => a.task_id === t.id)
      .map((a) => ({
        sharePct: a.share_pct,
        level: a.level,
        levelLabel: URGE_LEVEL_LABELS[a.level as UrgeLevel] ?? a.level,
        recipients: a.recipients,
        fireAt: a.fire_at ? new Date(a.fire_at) : null,
        firedAt: a.fired_at ? new Date(a.fired_at) : null,
        skipped: a.skipped,
      })),
  }));
}

@Resolver()
export class TasksResolver {
  /** 督办事项: every task for supervisors and leaders; a handler sees only their department's. Paged on the server, due first. */
  @Authorized(['supervisor', 'leader', 'admin', 'handler'])
  @Query(() => TrackedTaskPage, { description: '督办事项（调度会任务与宣传任务），按截止时间分页；承办人只看本科室' })
  async trackedTasks(
    @Arg('status', () => String, { nullable: true, description: 'open 办理中 | done 已完成' }) status: string | null,
    @Arg('source', () => String, { nullable: true, description: 'meeting | publicity' }) source: string | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('overdueOnly', () => Boolean, { defaultValue: false }) overdueOnly: boolean,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() ctx: SupervisionContext,
  ): Promise<TrackedTaskPage> {
    const user = requireUser(ctx);
    const page = pageRequest(offset, limit, 20);
    if (status && status !== 'open' && status !== 'done') throw codedError(SUPERVISION_ERRORS.UNKNOWN_STATUS, { status });
    if (source && !TRACKED_TASK_SOURCES.includes(source as TrackedTaskSource)) throw codedError(SUPERVISION_ERRORS.UNKNOWN_SOURCE, { source });
    if (departmentId && !isUuid(departmentId)) throw codedError(SUPERVISION_ERRORS.INVALID_DEPARTMENT);
    const scope = departmentScope(user);
    const where: Record<string, unknown> = {};
    if (status) where.status = status;
    if (source) where.source = source;
    if (departmentId) where.departmentId = departmentId;
    if (scope !== 'all') where.departmentId = scope[0];
    if (overdueOnly) Object.assign(where, { status: 'open', dueAt: { $lte: new Date() } });
    const [rows, total] = await ctx.em.findAndCount(TrackedTask, where, { orderBy: { dueAt: 'asc', id: 'asc' }, offset: page.offset, limit: page.limit });
    return { total, items: await taskNodes(ctx.em, rows) };
  }

  @Authorized(['handler', 'supervisor'])
  @Mutation(() => TrackedTaskNode, { description: '标记督办事项完成（责任科室承办人或督办员；宣传任务在“宣传”中完成）' })
  async completeTrackedTask(
    @Arg('input', () => CompleteTrackedTaskInput) input: CompleteTrackedTaskInput,
    @Ctx() ctx: SupervisionContext,
  ): Promise<TrackedTaskNode> {
    const t = await completeTask(ctx.em, requireUser(ctx), { ...input });
    return (await taskNodes(ctx.em, [t]))[0];
  }
}
