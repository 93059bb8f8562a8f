import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Authorized, DepartmentRef, groupBy, loaderFor, requireUser, UserRef, codedError } from '@hotline/service-kit';
import { AuditRecord } from '../cases/audit-record.entity';
import { CaseNode } from '../cases/case.resolver';
import type { PublicityContext } from '../context';
import { EPISODE_STATUS_LABELS, TASK_PHASE_LABELS } from '../items/labels';
import { page, PageArgs } from '../items/page';
import { PUBLICITY_READ_ROLES, PUBLICITY_ROLES } from '../items/roles';
import { shownText } from '../privacy/public-text';
import { historyOf, itemCases } from '../typical-cases/typical-case.resolver';
import { Episode, EPISODE_STATUSES, EpisodeStatus } from './episode.entity';
import { EpisodeTask, TaskPhase } from './episode-task.entity';
import { completeEpisodeTask, scheduleEpisode, setEpisodeStatus } from './episodes';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

type Ctx = PublicityContext;

@ObjectType('PublicityTask', { description: '《向前一步》筹备 / 跟进任务' })
export class TaskNode {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: '所属节目' }) itemId!: string;
  @Field(() => String, { description: 'preparation 筹备 | follow-up 跟进' }) phase!: TaskPhase;
  @Field(() => String) title!: string;
  @Field(() => ID) departmentId!: string;
  @Field(() => Date, { description: '截止时间（工作日历）' }) dueAt!: Date;
  @Field(() => Date, { nullable: true }) doneAt?: Date | null;
}

@ObjectType('Episode', { description: '《向前一步》节目' })
export class EpisodeNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: '选题' }) topic!: string;
  @Field(() => String, { description: '播出日期 YYYY-MM-DD' }) airDate!: string;
  @Field(() => String, { description: 'planned 筹备中 | aired 已播出 | cancelled 已取消' }) status!: EpisodeStatus;
  @Field(() => [ID]) departmentIds!: string[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('EpisodePage')
class EpisodePage {
  @Field(() => [EpisodeNode]) items!: Episode[];
  @Field(() => Int) total!: number;
}

@ObjectType('PublicityTaskPage')
class TaskPage {
  @Field(() => [TaskNode]) items!: EpisodeTask[];
  @Field(() => Int) total!: number;
}

@InputType('EpisodeTaskInput')
class TaskInput {
  @Field(() => String, { description: 'preparation 筹备 | follow-up 跟进' }) phase!: TaskPhase;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => ID) departmentId!: string;
}

@InputType('ScheduleEpisodeInput', { description: '策划一期《向前一步》' })
class ScheduleInput {
  @Field(() => String) topic!: string;
  @Field(() => String, { description: '播出日期 YYYY-MM-DD（北京时间）' }) airDate!: string;
  @Field(() => String, { nullable: true }) summary?: string;
  @Field(() => [ID], { defaultValue: [] }) caseIds!: string[];
  @Field(() => [ID]) departmentIds!: string[];
  @Field(() => [TaskInput], { nullable: true, description: '不填则每个参与科室各一项筹备、跟进任务' }) tasks?: TaskInput[];
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

@Resolver(() => EpisodeNode)
export class EpisodeResolver {
  @Authorized([...PUBLICITY_READ_ROLES])
  @Query(() => EpisodePage, { description: '《向前一步》节目，按播出日期倒序，分页' })
  async episodes(
    @Arg('status', () => String, { nullable: true }) status: string | null,
    @Args(() => PageArgs) p: PageArgs,
    @Ctx() ctx: Ctx,
  ): Promise<EpisodePage> {
    const { offset, limit } = page(p);
    if (status && !(EPISODE_STATUSES as readonly string[]).includes(status)) throw codedError(PUBLICITY_ERRORS.INVALID_STATUS);
    const [items, total] = await ctx.em.findAndCount(Episode, status ? { status: status as EpisodeStatus } : {}, {
      orderBy: { airDate: 'desc', id: 'asc' },
      offset,
      limit,
    });
    return { items, total };
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => EpisodeNode, { description: '策划节目：关联工单、参与科室、筹备与跟进任务（按工作日历计算期限）' })
  scheduleEpisode(@Arg('input', () => ScheduleInput) input: ScheduleInput, @Ctx() ctx: Ctx): Promise<Episode> {
    return scheduleEpisode(ctx.em, ctx.calendar, ctx.episodeDays, requireUser(ctx), strip({ ...input, tasks: input.tasks?.map((t) => strip(t)) }));
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => EpisodeNode, { description: '登记节目已播出或取消' })
  setEpisodeStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => String, { description: 'aired | cancelled' }) status: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Ctx,
  ): Promise<Episode> {
    return setEpisodeStatus(ctx.em, requireUser(ctx), strip({ id, status, expectedVersion }));
  }

  @Authorized(['supervisor', 'handler'])
  @Mutation(() => TaskNode, { description: '登记任务完成（责任科室或督办员）' })
  completePublicityTask(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<EpisodeTask> {
    return completeEpisodeTask(ctx.em, requireUser(ctx), strip({ taskId, note }));
  }

  @Authorized(['handler', ...PUBLICITY_READ_ROLES])
  @Query(() => TaskPage, { description: '宣传任务：科室承办人看本科室的，其他角色看全部；未完成的在前，按截止时间排序' })
  async publicityTasks(
    @Arg('open', () => Boolean, { defaultValue: true, description: '只看未完成的' }) open: boolean,
    @Args(() => PageArgs) p: PageArgs,
    @Ctx() ctx: Ctx,
  ): Promise<TaskPage> {
    const user = requireUser(ctx);
    const { offset, limit } = page(p);
    const where = {
      ...(user.role === 'handler' ? { departmentId: user.departmentId ?? '00000000-0000-0000-0000-000000000000' } : {}),
      ...(open ? { doneAt: null } : {}),
    };
    const [items, total] = await ctx.em.findAndCount(EpisodeTask, where, { orderBy: { dueAt: 'asc', id: 'asc' }, offset, limit });
    return { items, total };
  }

  @FieldResolver(() => String, { description: '状态（中文）' })
  statusLabel(@Root() e: Episode): string {
    return EPISODE_STATUS_LABELS[e.status];
  }

  @FieldResolver(() => String, { nullable: true, description: '节目简介' })
  summary(@Root() e: Episode): string | null {
    return shownText(e.summary);
  }

  @FieldResolver(() => [DepartmentRef], { description: '参与科室' })
  departments(@Root() e: Episode): DepartmentRef[] {
    return e.departmentIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [CaseNode], { description: '关联工单' })
  async cases(@Root() e: Episode, @Ctx() ctx: Ctx): Promise<CaseNode[]> {
    return (await itemCases(ctx).load(e.id)).map((id) => Object.assign(new CaseNode(), { id }));
  }

  @FieldResolver(() => [TaskNode], { description: '筹备与跟进任务' })
  tasks(@Root() e: Episode, @Ctx() ctx: Ctx): Promise<EpisodeTask[]> {
    return loaderFor<EpisodeTask[]>(
      ctx,
      'tasks',
      async (ids) => groupBy(await ctx.em.find(EpisodeTask, { itemId: { $in: [...ids] } }, { orderBy: { dueAt: 'asc', phase: 'desc' } }), (t) => t.itemId),
      [],
    ).load(e.id);
  }

  @FieldResolver(() => [AuditRecord], { description: '操作记录' })
  history(@Root() e: Episode, @Ctx() ctx: Ctx): Promise<AuditRecord[]> {
    return historyOf(ctx).load(e.id);
  }
}

@Resolver(() => TaskNode)
export class TaskResolver {
  @FieldResolver(() => String, { description: '阶段（中文）' })
  phaseLabel(@Root() t: EpisodeTask): string {
    return TASK_PHASE_LABELS[t.phase];
  }

  @FieldResolver(() => DepartmentRef, { description: '责任科室' })
  department(@Root() t: EpisodeTask): DepartmentRef {
    return { id: t.departmentId };
  }

  @FieldResolver(() => UserRef, { nullable: true, description: '登记完成的人' })
  doneBy(@Root() t: EpisodeTask): UserRef | null {
    return t.doneBy ? { id: t.doneBy } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '完成情况' })
  doneNote(@Root() t: EpisodeTask): string | null {
    return shownText(t.doneNote);
  }
}
