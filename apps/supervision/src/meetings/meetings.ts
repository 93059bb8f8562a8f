import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { beijingDate, beijingMidnight, CalendarData, parseDate } from '@hotline/calendar';
import { createEvent, SUPERVISION_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, isUuid, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { CaseProjection } from '../cases/case-projection.entity';
import { assertDepartments } from '../departments/department-check';
import { scheduleTaskAlarms } from '../tasks/task-alarms';
import { checkDueDate, meetingTaskStart, taskDueAt } from '../tasks/task-rules';
import { newMeetingTask } from '../tasks/tasks';
import type { TrackedTask } from '../tasks/tracked-task.entity';
import { Meeting } from './meeting.entity';

const DAY = 86_400_000;

export const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    try {
      parseDate(d);
      return true;
    } catch {
      return false;
    }
  }, '日期不存在');

export const ScheduleMeetingCommand = z.object({
  title: z.string().trim().min(2, '会议名称至少 2 个字').max(100, '会议名称不能超过 100 个字'),
  heldOn: dateString,
  periodFrom: dateString.nullish(),
  periodTo: dateString.nullish(),
  departmentIds: z.array(z.string()).min(1, '请选择参会科室').max(30),
  topics: z
    .array(
      z.object({
        title: z.string().trim().min(2, '议题至少 2 个字').max(100, '议题不能超过 100 个字'),
        caseIds: z.array(z.string()).max(50, '一个议题最多关联 50 件工单').default([]),
        clusterIds: z.array(z.string().trim().min(1).max(64)).max(20, '一个议题最多关联 20 个聚类').default([]),
      }),
    )
    .min(1, '请至少填写一个议题')
    .max(20, '议题最多 20 个'),
});

/** The material's default period: the 28 days up to the meeting day. */
export function defaultPeriod(heldOn: string): { from: string; to: string } {
  return { from: beijingDate(new Date(beijingMidnight(heldOn).getTime() - 27 * DAY)), to: heldOn };
}

/**
 * 安排调度会: title, date, attending departments, topics linked to cases (that supervision knows)
 * and clusters (plain references), the period its material covers. One transaction with its event.
 */
export async function scheduleMeeting(em: EntityManager, user: AuthUser, input: unknown): Promise<Meeting> {
  const cmd = parseInput(ScheduleMeetingCommand, input);
  const period = { from: cmd.periodFrom ?? defaultPeriod(cmd.heldOn).from, to: cmd.periodTo ?? defaultPeriod(cmd.heldOn).to };
  if (period.from > period.to) throw codedError(SUPERVISION_ERRORS.PERIOD_INVALID);
  if (beijingMidnight(period.to).getTime() - beijingMidnight(period.from).getTime() > 366 * DAY) throw codedError(SUPERVISION_ERRORS.PERIOD_TOO_LONG);
  const departmentIds = [...new Set(cmd.departmentIds)];
  const caseIds = [...new Set(cmd.topics.flatMap((t) => t.caseIds))];
  return em.transactional(async (tx) => {
    await assertDepartments(tx, departmentIds);
    if (!caseIds.every(isUuid) || (caseIds.length && (await tx.count(CaseProjection, { id: { $in: caseIds } })) !== caseIds.length)) {
      throw codedError(SUPERVISION_ERRORS.UNKNOWN_CASE);
    }
    const m = tx.create(Meeting, {
      id: randomUUID(),
      title: cmd.title,
      heldOn: cmd.heldOn,
      periodFrom: period.from,
      periodTo: period.to,
      departmentIds,
      topics: cmd.topics.map((t) => ({ id: randomUUID(), title: t.title, caseIds: [...new Set(t.caseIds)], clusterIds: [...new Set(t.clusterIds)] })),
      createdBy: user.id,
      createdAt: new Date(),
    });
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.meeting.scheduled',
        source: 'supervision',
        actor: actorOf(user),
        data: { meetingId: m.id, heldOn: m.heldOn, departmentIds, topicCount: m.topics.length, caseIds },
      }),
    );
    return m;
  });
}

export const DecisionCommand = z.object({
  meetingId: z.string().min(1),
  text: z.string().trim().min(2, '会议决定至少 2 个字').max(1000, '会议决定不能超过 1000 个字'),
  tasks: z
    .array(
      z.object({
        title: z.string().trim().min(2, '任务内容至少 2 个字').max(200, '任务内容不能超过 200 个字'),
        departmentId: z.string().nullish(),
        dueDate: z.string().nullish(),
      }),
    )
    .max(20, '一项决定最多 20 个任务')
    .default([]),
});

/**
 * 记录会议决定 with its tasks: every task needs an owner department and a due date (a working day
 * on the calendar, not before the meeting) — else a coded error and nothing is written. Each task
 * is announced (`hotline.meeting.task-assigned`) and planned on the 催办 ladder, in one transaction.
 */
export async function recordDecision(
  em: EntityManager,
  cal: CalendarData,
  user: AuthUser,
  input: unknown,
): Promise<{ meeting: Meeting; tasks: TrackedTask[] }> {
  const cmd = parseInput(DecisionCommand, input);
  if (!isUuid(cmd.meetingId)) throw codedError(SUPERVISION_ERRORS.MEETING_NOT_FOUND);
  cmd.tasks.forEach((t, i) => {
    if (!t.departmentId) throw codedError(SUPERVISION_ERRORS.TASK_OWNER_REQUIRED, { n: i + 1 }, { field: `tasks.${i}.departmentId` });
    if (!t.dueDate) throw codedError(SUPERVISION_ERRORS.TASK_DUE_DATE_REQUIRED, { n: i + 1 }, { field: `tasks.${i}.dueDate` });
    if (!dateString.safeParse(t.dueDate).success) throw codedError(SUPERVISION_ERRORS.TASK_DUE_DATE_INVALID, { n: i + 1 }, { field: `tasks.${i}.dueDate` });
  });
  return em.transactional(async (tx) => {
    const m = await tx.findOne(Meeting, { id: cmd.meetingId });
    if (!m) throw codedError(SUPERVISION_ERRORS.MEETING_NOT_FOUND);
    for (const t of cmd.tasks) checkDueDate(cal, t.dueDate!, m.heldOn);
    await assertDepartments(
      tx,
      cmd.tasks.map((t) => t.departmentId!),
    );
    const now = new Date();
    const decision = { id: randomUUID(), text: cmd.text, at: now.toISOString(), by: user.id };
    m.decisions = [...m.decisions, decision];
    const startsAt = meetingTaskStart(m.heldOn, now);
    // The tasks list in the order the decision gave them (by creation time, then id): one
    // millisecond apart, or two created in the same millisecond would list in the order of their ids.
    const tasks = cmd.tasks.map((t, i) =>
      newMeetingTask(tx, {
        meetingId: m.id,
        decisionId: decision.id,
        title: t.title,
        departmentId: t.departmentId!,
        dueDate: t.dueDate!,
        dueAt: taskDueAt(cal, t.dueDate!),
        startsAt,
        by: user.id,
        createdAt: new Date(now.getTime() + i),
      }),
    );
    await tx.flush();
    for (const t of tasks) {
      await scheduleTaskAlarms(tx, t);
      await recordEvent(
        tx,
        createEvent({
          type: 'hotline.meeting.task-assigned',
          source: 'supervision',
          actor: actorOf(user),
          data: { meetingId: m.id, taskId: t.id, departmentId: t.departmentId, dueDate: t.dueDate, dueAt: t.dueAt.toISOString() },
        }),
      );
    }
    return { meeting: m, tasks };
  });
}
