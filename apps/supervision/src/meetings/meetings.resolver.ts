import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Authorized, isUuid, pageRequest, requireUser, codedError } from '@hotline/service-kit';
import type { SupervisionContext } from '../context';
import { departmentNames } from '../departments/department-check';
import { taskNodes } from '../tasks/tasks.resolver';
import { TrackedTask } from '../tasks/tracked-task.entity';
import { MaterialCase, meetingMaterial, topicCases } from './material';
import { Meeting } from './meeting.entity';
import {
  DispatchMeetingDecisionInput,
  DispatchMeetingMaterialNode,
  DispatchMeetingNode,
  DispatchMeetingPage,
  MeetingMaterialCaseNode,
  ScheduleDispatchMeetingInput,
} from './meeting.types';
import { recordDecision, scheduleMeeting } from './meetings';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

/** Who reads meetings: supervisors prepare them, leaders chair them, the administrator looks on. */
export const MEETING_READERS = ['supervisor', 'leader', 'admin'] as const;

const caseNode = (c: MaterialCase): MeetingMaterialCaseNode => ({ ...c, case: { id: c.caseId } });

/** A meeting as the API shows it (topics with their cases, decisions with their tasks); the material is a field of its own. */
export async function meetingNode(em: EntityManager, m: Meeting): Promise<DispatchMeetingNode> {
  const names = await departmentNames(em, m.departmentIds);
  const tasks = await em.find(TrackedTask, { meetingId: m.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  const nodes = await taskNodes(em, tasks);
  const cases = await topicCases(em, m);
  return {
    id: m.id,
    title: m.title,
    heldOn: m.heldOn,
    periodFrom: m.periodFrom,
    periodTo: m.periodTo,
    createdAt: m.createdAt,
    departments: m.departmentIds.map((id) => ({ id, name: names.get(id) ?? '未知科室' })),
    topics: m.topics.map((t) => ({
      ...t,
      cases: t.caseIds
        .map((id) => cases.get(id))
        .filter((c): c is MaterialCase => !!c)
        .map(caseNode),
    })),
    decisions: m.decisions.map((d) => ({ id: d.id, text: d.text, at: new Date(d.at), tasks: nodes.filter((n) => n.decisionId === d.id) })),
    taskCount: tasks.length,
    openTaskCount: tasks.filter((t) => t.status === 'open').length,
  };
}

@Resolver(() => DispatchMeetingNode)
export class MeetingsResolver {
  @Authorized([...MEETING_READERS])
  @Query(() => DispatchMeetingPage, { description: '调度会列表（按会议日期倒序，分页）' })
  async dispatchMeetings(
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() ctx: SupervisionContext,
  ): Promise<DispatchMeetingPage> {
    requireUser(ctx);
    const page = pageRequest(offset, limit, 20);
    const [rows, total] = await ctx.em.findAndCount(Meeting, {}, { orderBy: { heldOn: 'desc', createdAt: 'desc' }, offset: page.offset, limit: page.limit });
    const items: DispatchMeetingNode[] = [];
    for (const m of rows) items.push(await meetingNode(ctx.em, m));
    return { total, items };
  }

  @Authorized([...MEETING_READERS])
  @Query(() => DispatchMeetingNode, { description: '一次调度会：议题、参会科室、决定与任务、分析材料' })
  async dispatchMeeting(@Arg('id', () => ID) id: string, @Ctx() ctx: SupervisionContext): Promise<DispatchMeetingNode> {
    requireUser(ctx);
    const m = isUuid(id) ? await ctx.em.findOne(Meeting, { id }) : null;
    if (!m) throw codedError(SUPERVISION_ERRORS.MEETING_NOT_FOUND);
    return meetingNode(ctx.em, m);
  }

  @FieldResolver(() => DispatchMeetingMaterialNode, { description: '分析材料：按科室、问题类别统计，按周趋势，突出问题，超期与重办工单' })
  async material(@Root() m: DispatchMeetingNode, @Ctx() ctx: SupervisionContext): Promise<DispatchMeetingMaterialNode> {
    const mat = await meetingMaterial(ctx.em, m);
    return { ...mat, overdueCases: mat.overdueCases.map(caseNode), reopenedCases: mat.reopenedCases.map(caseNode) };
  }

  @Authorized(['supervisor'])
  @Mutation(() => DispatchMeetingNode, { description: '安排调度会：议题（关联工单、聚类）、参会科室、分析期间' })
  async scheduleDispatchMeeting(
    @Arg('input', () => ScheduleDispatchMeetingInput) input: ScheduleDispatchMeetingInput,
    @Ctx() ctx: SupervisionContext,
  ): Promise<DispatchMeetingNode> {
    const m = await scheduleMeeting(ctx.em, requireUser(ctx), { ...input });
    return meetingNode(ctx.em, m);
  }

  @Authorized(['supervisor', 'leader'])
  @Mutation(() => DispatchMeetingNode, { description: '记录会议决定及其任务（每个任务须有责任科室和截止工作日）' })
  async recordDispatchMeetingDecision(
    @Arg('input', () => DispatchMeetingDecisionInput) input: DispatchMeetingDecisionInput,
    @Ctx() ctx: SupervisionContext,
  ): Promise<DispatchMeetingNode> {
    const { meeting } = await recordDecision(ctx.em, await ctx.calendars.current(ctx.em), requireUser(ctx), { ...input });
    return meetingNode(ctx.em, meeting);
  }
}
