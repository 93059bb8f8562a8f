import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { beijingDate } from '@hotline/calendar';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { CLAIM, ATTEMPT, RESULT, completedCase } from './callback-helpers';
import { departments, refusal } from './dispatch-helpers';
import { as, gatewayUrl, receive } from './helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;
type Msg = Partner['messages'][number];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const data = (m: Msg) => m.json.data as Record<string, unknown>;
const DAY = 86_400_000;
const daysFromToday = (n: number) => beijingDate(new Date(Date.now() + n * DAY));

const TASK =
  'id source sourceId meetingId decisionId title department { id } departmentName dueDate dueAt status overdue doneAt doneNote reminders { sharePct level recipients fireAt firedAt skipped }';
interface Reminder {
  sharePct: number;
  level: string;
  recipients: string[];
  fireAt: string | null;
  firedAt: string | null;
  skipped: boolean;
}
interface TaskView {
  id: string;
  source: string;
  sourceId: string;
  meetingId: string | null;
  decisionId: string | null;
  title: string;
  department: { id: string };
  departmentName: string;
  dueDate: string;
  dueAt: string;
  status: string;
  overdue: boolean;
  doneAt: string | null;
  doneNote: string | null;
  reminders: Reminder[];
}
const CASE = 'case { id } externalNo title topic departmentName completed overdue overdueClocks reopened';
const MEETING = `id title heldOn periodFrom periodTo departments { id name } taskCount openTaskCount
  topics { id title caseIds clusterIds cases { ${CASE} } }
  decisions { id text tasks { ${TASK} } }`;
const MATERIAL = `material { periodFrom periodTo total byDepartment { key label count } byTopic { key label count } weekly { weekStart count }
  topProblems { topic departmentId departmentName count overdue } overdueTotal overdueCases { ${CASE} } reopenedTotal reopenedCases { ${CASE} } }`;
interface MaterialCase {
  case: { id: string };
  externalNo: string;
  title: string;
  topic: string;
  departmentName: string;
  completed: boolean;
  overdue: boolean;
  overdueClocks: string[];
  reopened: boolean;
}
interface Count {
  key: string;
  label: string;
  count: number;
}
interface MeetingView {
  id: string;
  title: string;
  heldOn: string;
  periodFrom: string;
  periodTo: string;
  departments: Array<{ id: string; name: string }>;
  taskCount: number;
  openTaskCount: number;
  topics: Array<{ id: string; title: string; caseIds: string[]; clusterIds: string[]; cases: MaterialCase[] }>;
  decisions: Array<{ id: string; text: string; tasks: TaskView[] }>;
  material: {
    periodFrom: string;
    periodTo: string;
    total: number;
    byDepartment: Count[];
    byTopic: Count[];
    weekly: Array<{ weekStart: string; count: number }>;
    topProblems: Array<{ topic: string; departmentId: string | null; departmentName: string; count: number; overdue: number }>;
    overdueTotal: number;
    overdueCases: MaterialCase[];
    reopenedTotal: number;
    reopenedCases: MaterialCase[];
  };
}

const SCHEDULE = `mutation($i: ScheduleDispatchMeetingInput!) { scheduleDispatchMeeting(input: $i) { ${MEETING} } }`;
const DECIDE = `mutation($i: DispatchMeetingDecisionInput!) { recordDispatchMeetingDecision(input: $i) { ${MEETING} } }`;
const READ = `query($id: ID!) { dispatchMeeting(id: $id) { ${MEETING} ${MATERIAL} } }`;

/** A clock definition only this test's topic matches: a sign limit of a few seconds, so its unsigned cases fall overdue. */
async function defineFastSignClock(admin: GraphQLClient, topic: string, seconds: number) {
  await admin.request('mutation($i: ClockDefinitionInput!) { saveClockDefinition(input: $i) { id } }', {
    i: {
      key: `e2e-meeting-${randomUUID().slice(0, 8)}`,
      kind: 'sign',
      name: '测试：调度会材料的快速签收时限',
      selector: { topics: [topic] },
      targetUnit: 'natural-minutes',
      targetAmount: seconds / 60,
      triggers: { startOn: ['hotline.case.received'], stopOn: ['hotline.case.signed'] },
      warnShares: [50],
      priority: 100,
    },
  });
}

describe('调度会 (dispatch meetings) and 督办事项 (tracked tasks) on the 催办 ladder', () => {
  let admin: GraphQLClient;
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let leader: GraphQLClient;
  let property: GraphQLClient;
  let housing: GraphQLClient;
  let agent: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;
  let workingDays: string[];

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.>');
    [admin, duty, supervisor, leader, property, housing, agent] = await Promise.all(
      ['admin', 'duty', 'supervisor', 'leader', 'handler-property', 'handler-housing', 'callback'].map(as),
    );
    dept = await departments(duty);
    // The working days of the loaded years around today (the calendar decides, not the weekday).
    const years = (await duty.request<{ calendarYears: Array<{ year: number }> }>('{ calendarYears { year } }')).calendarYears.map((y) => y.year);
    const around = [...new Set([daysFromToday(-40), daysFromToday(40)].map((d) => Number(d.slice(0, 4))))].filter((y) => years.includes(y));
    workingDays = [];
    for (const year of around) {
      const r = await duty.request<{ workingCalendar: Array<{ date: string; working: boolean }> }>(
        'query($y: Int!) { workingCalendar(year: $y) { date working } }',
        { y: year },
      );
      workingDays.push(...r.workingCalendar.filter((d) => d.working).map((d) => d.date));
    }
  });
  afterAll(async () => {
    await partner?.close();
  });

  const urgedOf = (taskId: string) => partner.messages.filter((m) => m.subject === 'hotline.task.urged' && data(m).taskId === taskId);
  const tasksOf = async (client: GraphQLClient, args = '') =>
    (await client.request<{ trackedTasks: { total: number; items: TaskView[] } }>(`{ trackedTasks(limit: 200${args}) { total items { ${TASK} } } }`))
      .trackedTasks;
  const meetingCount = async () => (await supervisor.request<{ dispatchMeetings: { total: number } }>('{ dispatchMeetings { total } }')).dispatchMeetings.total;

  let meeting: MeetingView;
  let seeded: Array<{ id: string; externalNo: string; topic: string }>;
  const overdueTopic = `调度会超期-${randomUUID().slice(0, 6)}`;
  const reopenTopic = `调度会重办-${randomUUID().slice(0, 6)}`;
  let overdueCases: Array<{ id: string; externalNo: string }>;
  let reopened: { id: string; externalNo: string };

  it('a meeting with topics linked to cases and clusters; its material is generated from the data', async () => {
    seeded = (
      await duty.request<{ cases: Array<{ id: string; externalNo: string; topic: string }> }>('{ cases(limit: 500) { id externalNo topic } }')
    ).cases.filter((c) => c.externalNo.startsWith('DEMO-2026-'));
    expect(seeded).toHaveLength(12);
    // Three cases nobody signs in time (overdue), and one the citizen calls unresolved (reopened).
    await defineFastSignClock(admin, overdueTopic, 2);
    overdueCases = await Promise.all([0, 1, 2].map((i) => receive(duty, { topic: overdueTopic, title: `调度会材料测试 ${i}` })));
    const done = await completedCase(duty, { client: property, id: dept.property }, agent, { topic: reopenTopic, title: '电梯反复停运' });
    await agent.request(CLAIM, { t: done.task.id });
    await agent.request(ATTEMPT, { i: { taskId: done.task.id, outcome: 'reached' } });
    await agent.request(RESULT, { i: { taskId: done.task.id, resolved: false, satisfaction: 'dissatisfied', explanation: '市民称电梯仍频繁停运' } });
    reopened = done;
    await eventually(
      async () =>
        partner.messages.filter((m) => m.json.caseId && overdueCases.some((c) => c.id === m.json.caseId) && m.subject === 'hotline.clock.breached').length ===
        3,
      { what: 'the three sign clocks breached' },
    );
    await eventually(async () => partner.messages.some((m) => m.subject === 'hotline.case.reopened' && m.json.caseId === reopened.id), {
      what: 'the case reopened',
    });

    const delayed = seeded.filter((c) => c.topic === '延期交房');
    const today = daysFromToday(0);
    const before = await meetingCount();
    // Refused, nothing written: a handler may not; a case supervision does not know; no attending department.
    const base = {
      title: '十二月第一次调度会',
      heldOn: today,
      departmentIds: [dept.property, dept.housing],
      topics: [
        { title: '延期交房集中投诉', caseIds: delayed.map((c) => c.id), clusterIds: ['cluster-jinmao-2'] },
        { title: '签收超期问题', caseIds: overdueCases.map((c) => c.id), clusterIds: [] },
        { title: '电梯反复停运（重办）', caseIds: [reopened.id] },
      ],
    };
    expect(refusal(await property.raw(SCHEDULE, { i: base }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await supervisor.raw(SCHEDULE, { i: { ...base, topics: [{ title: '不存在的工单', caseIds: [randomUUID()] }] } }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_CASE',
    });
    expect(refusal(await supervisor.raw(SCHEDULE, { i: { ...base, departmentIds: [] } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(await supervisor.raw(SCHEDULE, { i: { ...base, departmentIds: [randomUUID()] } }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_DEPARTMENT',
    });
    expect(await meetingCount()).toBe(before);

    const r = await supervisor.raw<{ scheduleDispatchMeeting: MeetingView }>(SCHEDULE, { i: base });
    expect(r.errors).toBeUndefined();
    const m = r.data!.scheduleDispatchMeeting;
    expect(m).toMatchObject({ title: '十二月第一次调度会', heldOn: today, periodTo: today, periodFrom: daysFromToday(-27), taskCount: 0 });
    expect(m.departments.map((d) => d.name)).toEqual(['物业管理科', expect.any(String)]);
    expect(m.topics[0]).toMatchObject({ title: '延期交房集中投诉', clusterIds: ['cluster-jinmao-2'] });
    expect(m.topics[0].cases.map((c) => c.externalNo).sort()).toEqual(delayed.map((c) => c.externalNo).sort());
    expect(m.topics[1].cases.every((c) => c.overdue && c.overdueClocks.includes('签收时限'))).toBe(true);
    expect(m.topics[2].cases[0]).toMatchObject({ externalNo: reopened.externalNo, reopened: true, completed: true, departmentName: '物业管理科' });
    const ev = await eventually(async () => partner.messages.find((x) => x.subject === 'hotline.meeting.scheduled' && data(x).meetingId === m.id), {
      what: 'hotline.meeting.scheduled',
    });
    expect(data(ev)).toMatchObject({ heldOn: today, topicCount: 3, departmentIds: [dept.property, dept.housing] });
    expect(ev.data).not.toContain('调度会'); // no free text leaves

    // The material, against the seeded cases and this test's own.
    meeting = (await leader.request<{ dispatchMeeting: MeetingView }>(READ, { id: m.id })).dispatchMeeting;
    const mat = meeting.material;
    const count = (list: Count[], key: string) => list.find((x) => x.key === key)?.count ?? 0;
    for (const topic of new Set(seeded.map((c) => c.topic)))
      expect(count(mat.byTopic, topic), topic).toBeGreaterThanOrEqual(seeded.filter((c) => c.topic === topic).length);
    expect(count(mat.byTopic, overdueTopic)).toBe(3);
    expect(count(mat.byTopic, reopenTopic)).toBe(1);
    const sum = (xs: Array<{ count: number }>) => xs.reduce((a, x) => a + x.count, 0);
    expect(mat.total).toBeGreaterThanOrEqual(12 + 4);
    expect(sum(mat.byTopic)).toBe(mat.total);
    expect(sum(mat.byDepartment)).toBe(mat.total);
    expect(sum(mat.weekly)).toBe(mat.total);
    expect(mat.byDepartment.find((d) => d.key === dept.property)).toMatchObject({ label: '物业管理科' });
    expect(mat.topProblems.find((p) => p.topic === overdueTopic)).toEqual({
      topic: overdueTopic,
      departmentId: null,
      departmentName: '未分转',
      count: 3,
      overdue: 3,
    });
    expect(mat.overdueTotal).toBeGreaterThanOrEqual(3);
    expect(
      mat.overdueCases
        .filter((c) => c.topic === overdueTopic)
        .map((c) => c.externalNo)
        .sort(),
    ).toEqual(overdueCases.map((c) => c.externalNo).sort());
    expect(mat.reopenedCases.map((c) => c.externalNo)).toContain(reopened.externalNo);
    expect(mat.reopenedTotal).toBeGreaterThanOrEqual(1);
    // Handlers do not read meetings.
    expect(refusal(await property.raw(READ, { id: m.id }))).toMatchObject({ code: 'FORBIDDEN' });
  }, 120_000);

  it('a task without an owner or a due date is refused and nothing is written; a task is announced, planned on the ladder and done by its department', async () => {
    const today = daysFromToday(0);
    const nextWorking = workingDays.find((d) => d > today)!;
    const nonWorking = (() => {
      for (let i = 1; i < 30; i++) {
        const d = daysFromToday(i);
        if (!workingDays.includes(d)) return d;
      }
      throw new Error('no day off in 30 days');
    })();
    const decide = (tasks: Array<Record<string, unknown>>, client = supervisor) =>
      client.raw<{ recordDispatchMeetingDecision: MeetingView }>(DECIDE, {
        i: { meetingId: meeting.id, text: '由物业管理科牵头督促开发商公布交房方案', tasks },
      });
    const ok = { title: '督促金茂悦公布交房时间表', departmentId: dept.property, dueDate: nextWorking };
    const tasksBefore = (await tasksOf(supervisor)).total;
    expect(refusal(await decide([ok, { title: '报送整改情况', dueDate: nextWorking }]))).toEqual({ code: 'BAD_USER_INPUT', reason: 'TASK_OWNER_REQUIRED' });
    expect(refusal(await decide([ok, { title: '报送整改情况', departmentId: dept.housing }]))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'TASK_DUE_DATE_REQUIRED',
    });
    expect(refusal(await decide([{ ...ok, dueDate: nonWorking }]))).toEqual({ code: 'BAD_USER_INPUT', reason: 'DUE_NOT_WORKING_DAY' });
    expect(refusal(await decide([{ ...ok, dueDate: workingDays.filter((d) => d < today).at(-1) }]))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'DUE_BEFORE_MEETING',
    });
    expect(refusal(await decide([{ ...ok, departmentId: randomUUID() }]))).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_DEPARTMENT' });
    expect(refusal(await decide([ok], property))).toMatchObject({ code: 'FORBIDDEN' });
    const unchanged = (await supervisor.request<{ dispatchMeeting: MeetingView }>(READ, { id: meeting.id })).dispatchMeeting;
    expect(unchanged.decisions).toEqual([]);
    expect((await tasksOf(supervisor)).total).toBe(tasksBefore);
    expect(partner.messages.filter((m) => m.subject === 'hotline.meeting.task-assigned' && data(m).meetingId === meeting.id)).toEqual([]);

    // The leader chairs: the decision with two tasks.
    const r = await decide([ok, { title: '核查星悦城退款进度并报送', departmentId: dept.housing, dueDate: nextWorking }], leader);
    expect(r.errors).toBeUndefined();
    const m = r.data!.recordDispatchMeetingDecision;
    expect(m).toMatchObject({ taskCount: 2, openTaskCount: 2 });
    const [task, other] = m.decisions[0].tasks;
    expect(task).toMatchObject({
      source: 'meeting',
      meetingId: meeting.id,
      decisionId: m.decisions[0].id,
      departmentName: '物业管理科',
      dueDate: nextWorking,
      status: 'open',
      overdue: false,
    });
    // Due at the end of the due date (24:00 Beijing: the whole day counts unless WORKING_HOURS says otherwise).
    expect(task.dueAt).toBe(new Date(new Date(`${nextWorking}T00:00:00+08:00`).getTime() + DAY).toISOString());
    const ladder = (
      await supervisor.request<{ urgeLadder: Array<{ sharePct: number; level: string; recipients: string[]; clockKinds: string[] }> }>(
        '{ urgeLadder { sharePct level recipients clockKinds } }',
      )
    ).urgeLadder.filter((s) => s.clockKinds.length === 0);
    expect(task.reminders.map((x) => [x.sharePct, x.level, x.recipients])).toEqual(ladder.map((s) => [s.sharePct, s.level, s.recipients]));
    expect(task.reminders.every((x) => x.fireAt && !x.firedAt)).toBe(true);
    const assigned = await eventually(
      async () => {
        const a = partner.messages.filter((x) => x.subject === 'hotline.meeting.task-assigned' && data(x).meetingId === meeting.id);
        return a.length === 2 && a;
      },
      { what: 'two hotline.meeting.task-assigned' },
    );
    expect(assigned.map((x) => data(x)).find((d) => d.taskId === task.id)).toEqual({
      meetingId: meeting.id,
      taskId: task.id,
      departmentId: dept.property,
      dueDate: nextWorking,
      dueAt: task.dueAt,
    });

    // Each department sees its own tasks only, and completes its own only.
    expect((await tasksOf(property)).items.map((t) => t.id)).toContain(task.id);
    expect((await tasksOf(property)).items.every((t) => t.department.id === dept.property)).toBe(true);
    expect((await tasksOf(housing)).items.map((t) => t.id)).not.toContain(task.id);
    const COMPLETE = `mutation($i: CompleteTrackedTaskInput!) { completeTrackedTask(input: $i) { ${TASK} } }`;
    expect(refusal(await housing.raw(COMPLETE, { i: { taskId: task.id } }))).toEqual({ code: 'NOT_FOUND', reason: 'TASK_NOT_FOUND' });
    expect(refusal(await leader.raw(COMPLETE, { i: { taskId: task.id } }))).toMatchObject({ code: 'FORBIDDEN' });
    const done = (await property.request<{ completeTrackedTask: TaskView }>(COMPLETE, { i: { taskId: task.id, note: '开发商已在售楼处公示交房时间表' } }))
      .completeTrackedTask;
    expect(done).toMatchObject({ status: 'done', overdue: false, doneNote: '开发商已在售楼处公示交房时间表' });
    expect(done.reminders.every((x) => x.fireAt === null && x.firedAt === null)).toBe(true);
    expect(refusal(await property.raw(COMPLETE, { i: { taskId: task.id } }))).toEqual({ code: 'CONFLICT', reason: 'TASK_ALREADY_DONE' });
    const doneEv = await eventually(async () => partner.messages.find((x) => x.subject === 'hotline.meeting.task-done' && data(x).taskId === task.id), {
      what: 'hotline.meeting.task-done',
    });
    expect(data(doneEv)).toMatchObject({ meetingId: meeting.id, departmentId: dept.property, late: false });
    expect(doneEv.data).not.toContain('公示');
    const after = (await supervisor.request<{ dispatchMeeting: MeetingView }>(READ, { id: meeting.id })).dispatchMeeting;
    expect(after).toMatchObject({ taskCount: 2, openTaskCount: 1 });
    expect(after.decisions[0].tasks.find((t) => t.id === other.id)).toMatchObject({ status: 'open', departmentName: expect.any(String) });
  });

  it('a task overdue triggers the 催办 ladder: each step after the due time once, the reminder that came too late skipped', async () => {
    // A meeting entered afterwards (补录): held ten days ago, a task due on a working day 5–9 days ago —
    // past 150 % of its span already, so the breach and the escalation are due at once.
    const heldOn = daysFromToday(-10);
    const due = workingDays.filter((d) => d >= daysFromToday(-9) && d <= daysFromToday(-5)).at(-1)!;
    expect(due).toBeTruthy();
    const m = (
      await supervisor.request<{ scheduleDispatchMeeting: MeetingView }>(SCHEDULE, {
        i: { title: '补录：上旬调度会', heldOn, departmentIds: [dept.construction], topics: [{ title: '夜间施工扰民' }] },
      })
    ).scheduleDispatchMeeting;
    const t = (
      await supervisor.request<{ recordDispatchMeetingDecision: MeetingView }>(DECIDE, {
        i: {
          meetingId: m.id,
          text: '施工科约谈施工单位',
          tasks: [{ title: '约谈X85地块施工单位并报送约谈记录', departmentId: dept.construction, dueDate: due }],
        },
      })
    ).recordDispatchMeetingDecision.decisions[0].tasks[0];
    expect(t.overdue).toBe(true);
    const urged = await eventually(
      async () => {
        const u = urgedOf(t.id);
        return u.length >= 2 && u;
      },
      { what: 'the breach and the escalation of the overdue task' },
    );
    await sleep(2_500); // nothing may fire twice
    expect(urgedOf(t.id)).toHaveLength(2);
    expect(urged.map((x) => data(x).level)).toEqual(['breach', 'escalation']);
    expect(data(urged[0])).toMatchObject({
      taskId: t.id,
      source: 'meeting',
      sourceId: m.id,
      departmentId: dept.construction,
      recipients: ['department', 'supervisor'],
      dueAt: t.dueAt,
    });
    expect(data(urged[1]).recipients).toEqual(['leader']);
    const mine = (await tasksOf(supervisor, ', overdueOnly: true, source: "meeting"')).items.find((x) => x.id === t.id)!;
    expect(mine.reminders.map((x) => [x.level, x.skipped, x.firedAt !== null])).toEqual([
      ['reminder', true, true],
      ['breach', false, true],
      ['escalation', false, true],
    ]);
  });

  it('a publicity episode’s tasks reach the same ladder; publicity marks them done', async () => {
    // An episode that aired 12 days ago: its preparation task is long overdue.
    const airDate = workingDays.filter((d) => d <= daysFromToday(-12)).at(-1)!;
    const ep = (
      await supervisor.request<{ scheduleEpisode: { id: string; tasks: Array<{ id: string; phase: string; dueAt: string }> } }>(
        'mutation($i: ScheduleEpisodeInput!) { scheduleEpisode(input: $i) { id tasks { id phase dueAt } } }',
        { i: { topic: '调度会测试：物业服务怎么管', airDate, departmentIds: [dept.property] } },
      )
    ).scheduleEpisode;
    const prep = ep.tasks.find((x) => x.phase === 'preparation')!;
    const follow = ep.tasks.find((x) => x.phase === 'follow-up')!;
    const tracked = await eventually(
      async () => {
        const items = (await tasksOf(property, ', source: "publicity"')).items.filter((x) => x.sourceId === ep.id);
        return items.length === 2 && items;
      },
      { what: 'the episode tasks tracked by supervision' },
    );
    expect(tracked.find((x) => x.id === prep.id)).toMatchObject({ source: 'publicity', departmentName: '物业管理科', dueAt: prep.dueAt, status: 'open' });
    const urged = await eventually(async () => urgedOf(prep.id).length >= 2 && urgedOf(prep.id), {
      what: 'the overdue preparation task urged',
    });
    expect(urged.map((x) => data(x))).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'publicity', sourceId: ep.id, level: 'breach', departmentId: dept.property })]),
    );
    // supervision does not complete publicity's task; publicity does, and the ladder stops.
    const COMPLETE = 'mutation($i: CompleteTrackedTaskInput!) { completeTrackedTask(input: $i) { id } }';
    expect(refusal(await property.raw(COMPLETE, { i: { taskId: follow.id } }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'TASK_OWNED_BY_PUBLICITY' });
    await property.request('mutation($t: ID!) { completePublicityTask(taskId: $t, note: "整改结果已报送") { id } }', { t: follow.id });
    const closed = await eventually(async () => (await tasksOf(property, ', source: "publicity", status: "done"')).items.find((x) => x.id === follow.id), {
      what: 'the follow-up task done in supervision',
    });
    expect(closed.reminders.filter((x) => !x.firedAt).every((x) => x.fireAt === null)).toBe(true);
  });

  it('the minutes as .docx: downloaded through the gateway and parsed, with the Chinese text inside; roles checked', async () => {
    const url = `${gatewayUrl()}/meetings/${meeting.id}/minutes`;
    const get = (client?: GraphQLClient, u = url) => fetch(u, { headers: client ? { authorization: `Bearer ${client.token}` } : {} });
    expect((await get()).status).toBe(401);
    const denied = await get(property);
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect((await get(supervisor, `${gatewayUrl()}/meetings/${randomUUID()}/minutes`)).status).toBe(404);
    const res = await get(leader);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain('.docx');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '调度会纪要：十二月第一次调度会',
      '参会科室：物业管理科',
      '延期交房集中投诉',
      '由物业管理科牵头督促开发商公布交房方案',
      '督促金茂悦公布交房时间表',
      '已完成',
      '签收超期问题',
      overdueCases[0].externalNo,
      reopened.externalNo,
      'cluster-jinmao-2',
    ]) {
      expect(text, s).toContain(s);
    }
    expect(text).toMatch(/期间受理工单 \d+ 件，其中超期 \d+ 件/);
  });
});
