import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient, loginAs } from '@hotline/testing';
import { as } from './helpers';
import { departments, intakeStage, must, refusal, view } from './dispatch-helpers';
import { ATTEMPT, callbacks, CLAIM, complete, completedCase, currentPeriod, RESULT, REVEAL, taskOf } from './callback-helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

/**
 * 回访 → 二次督办 → 三率, through the gateway against the real system. Every case here has a topic
 * of its own (`topic`), so the three rates of that topic are exactly this file's cases.
 */
describe('callback: completed → task → attempts → result; unresolved → second round → closed; three rates', () => {
  const topic = `回访测试${randomUUID().slice(0, 6)}`;
  const over = { topic, citizenPhone: '13812345678' };
  let duty: GraphQLClient, supervisor: GraphQLClient, admin: GraphQLClient, leader: GraphQLClient, property: GraphQLClient;
  let agent: GraphQLClient, agent2: GraphQLClient;
  let agentId: string;
  let propertyId: string;
  let partner: Partner;
  type Ev = { type: string; caseId?: string; data: Record<string, unknown> };
  const evs = (): Ev[] => partner.messages.map((m) => m.json as unknown as Ev);
  const cases: Record<'a' | 'b' | 'c' | 'd', { id: string; externalNo: string; taskId: string }> = {} as never;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.>');
    [duty, supervisor, admin, leader, property, agent] = await Promise.all(
      ['duty', 'supervisor', 'admin', 'leader', 'handler-property', 'callback'].map((u) => as(u)),
    );
    propertyId = (await departments(duty)).property;
    agentId = (await agent.request<{ me: { id: string } }>('{ me { id } }')).me.id;
    // A second 回访员 of this test's own.
    const username = `cb-${randomUUID().slice(0, 8)}`;
    await admin.request('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username, displayName: '回访员 测试', password: 'demo12345', role: 'callback' },
    });
    agent2 = await loginAs(inject('gatewayUrl'), username);
    const lead = { client: property, id: propertyId };
    // a: contacted, will be satisfied; b: contacted, basically satisfied (the district platform says satisfied);
    // c: never contacted, unresolved at callback → round 2; d: contacted, never reached.
    const [a, b, c, d] = await Promise.all([
      completedCase(duty, lead, agent, over, { contact: true }),
      completedCase(duty, lead, agent, over, { contact: true }),
      completedCase(duty, lead, agent, over, { contact: false }),
      completedCase(duty, lead, agent, over, { contact: true }),
    ]);
    for (const [k, v] of Object.entries({ a, b, c, d })) cases[k as 'a'] = { id: v.id, externalNo: v.externalNo, taskId: v.task.id };
  });
  afterAll(async () => {
    await partner?.close();
  });

  /**
   * 发起二次督办 as the supervisor. supervision learns of the 办结 from the stream: until it has,
   * the case is refused as not completed in its round, so the call is repeated until it is not.
   */
  const openByHand = <T = unknown>(query: string, variables: Record<string, unknown>): Promise<T> =>
    eventually(
      async () => {
        const r = await supervisor.raw(query, variables);
        if (r.errors?.length && refusal(r).reason === 'CASE_NOT_COMPLETED') return false;
        if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
        return r.data as T;
      },
      { what: 'supervision knows the case completed' },
    );

  it('办结 opens one callback task per case, in the paged queue ordered by due time, due within working hours', async () => {
    const t = await taskOf(agent, cases.a.id, 1);
    expect(t).toMatchObject({ round: 1, status: 'open', attempts: 0, assignee: null, heldByMe: false, topic, department: { id: propertyId } });
    const due = new Date(t.dueAt);
    expect(due.getTime()).toBeGreaterThan(new Date(t.completedAt).getTime() + 86_400_000); // ≥ one working day later
    expect((due.getUTCHours() + 8) % 24).toBe(18); // the end of working hours, Beijing time
    const page = await agent.request<{ callbackQueue: { total: number; items: Array<{ id: string; dueAt: string }> } }>(
      '{ callbackQueue(view: unassigned, page: 1, pageSize: 100) { total items { id dueAt } } }',
    );
    expect(page.callbackQueue.total).toBeGreaterThanOrEqual(4);
    const dues = page.callbackQueue.items.map((i) => Date.parse(i.dueAt));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    const p2 = await agent.request<{ callbackQueue: { items: Array<{ id: string }> } }>(
      '{ callbackQueue(view: unassigned, page: 2, pageSize: 1) { items { id } } }',
    );
    expect(p2.callbackQueue.items).toEqual([{ id: page.callbackQueue.items[1].id }]);
    const found = await agent.request<{ callbackQueue: { total: number; items: Array<{ id: string }> } }>(
      'query($n: String) { callbackQueue(externalNo: $n) { total items { id } } }',
      { n: cases.b.externalNo },
    );
    expect(found.callbackQueue).toEqual({ total: 1, items: [{ id: cases.b.taskId }] });
    const bad = await agent.raw('{ callbackQueue(pageSize: 1000) { total } }');
    expect(refusal(bad)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_PAGE_SIZE' });
    expect(refusal(await property.raw('{ callbackQueue { total } }')).code).toBe('FORBIDDEN');
    // 待回访: the task's `hotline.callback.scheduled` moves intake's stage (packages/contracts lifecycle).
    await intakeStage(duty, cases.a.id, 'awaitingCallback');
    const scheduled = await eventually(async () => evs().find((e) => e.type === 'hotline.callback.scheduled' && e.caseId === cases.a.id), {
      what: 'hotline.callback.scheduled',
    });
    expect(scheduled.data).toMatchObject({ round: 1, taskId: cases.a.taskId, dueAt: t.dueAt, departmentId: propertyId });
  });

  it('the phone: only the 回访员 holding the task may reveal it, each reveal audited by intake', async () => {
    const before = await agent.raw(REVEAL, { id: cases.a.id, r: '回访市民核实办理结果' });
    expect(refusal(before)).toEqual({ code: 'FORBIDDEN', reason: 'NO_CALLBACK_TASK' });
    expect(before.data ?? null).toBeNull();
    const claimed = await agent.request<{ assignCallbackTask: { heldByMe: boolean; assignee: { id: string } } }>(CLAIM, { t: cases.a.taskId });
    expect(claimed.assignCallbackTask).toMatchObject({ heldByMe: true, assignee: { id: agentId } });
    expect(refusal(await agent2.raw(CLAIM, { t: cases.a.taskId }))).toEqual({ code: 'CONFLICT', reason: 'TASK_TAKEN' });
    const shown = await agent.request<{ revealCitizen: { phone: string } }>(REVEAL, { id: cases.a.id, r: '回访市民核实办理结果' });
    expect(shown.revealCitizen.phone).toBe('13812345678');
    expect(refusal(await agent2.raw(REVEAL, { id: cases.a.id, r: '回访市民核实办理结果' }))).toEqual({ code: 'FORBIDDEN', reason: 'NO_CALLBACK_TASK' });
    const log = await admin.request<{ revealLog: Array<{ role: string; reason: string; user: { username: string } }> }>(
      'query($id: ID!) { revealLog(caseId: $id) { role reason user { username } } }',
      { id: cases.a.id },
    );
    expect(log.revealLog).toEqual([{ role: 'callback', reason: '回访市民核实办理结果', user: { username: 'callback' } }]);
    // The queue shows the case masked, as intake serves it.
    const q = await agent.request<{ callbackQueue: { items: Array<{ id: string; case: { citizenPhone: string } }> } }>(
      '{ callbackQueue(view: mine, pageSize: 100) { items { id case { citizenPhone } } } }',
    );
    expect(q.callbackQueue.items.find((i) => i.id === cases.a.taskId)?.case.citizenPhone).toBe('138****5678');
  });

  it('a result is refused from an agent who does not hold the task, and nothing is written', async () => {
    const r = await agent2.raw(RESULT, { i: { taskId: cases.a.taskId, resolved: true, satisfaction: 'satisfied' } });
    expect(refusal(r)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_TASK_HOLDER' });
    expect((await taskOf(agent, cases.a.id, 1)).result).toBeNull();
  });

  it('reached → resolved and satisfied; a second result for the round is refused', async () => {
    await agent.request(ATTEMPT, { i: { taskId: cases.a.taskId, outcome: 'reached' } });
    const r = await agent.request<{ recordCallbackResult: { status: string; result: object } }>(RESULT, {
      i: { taskId: cases.a.taskId, resolved: true, satisfaction: 'satisfied', notes: '市民表示电梯已修好，满意' },
    });
    expect(r.recordCallbackResult).toMatchObject({ status: 'done', result: { round: 1, reached: true, resolved: true, satisfaction: 'satisfied' } });
    const again = await agent.raw(RESULT, { i: { taskId: cases.a.taskId, resolved: false, satisfaction: 'dissatisfied', explanation: '再次登记' } });
    expect(refusal(again)).toEqual({ code: 'CONFLICT', reason: 'RESULT_EXISTS' });
    expect(refusal(await agent.raw(REVEAL, { id: cases.a.id, r: '回访结束后再查看' }))).toEqual({ code: 'FORBIDDEN', reason: 'NO_CALLBACK_TASK' });
    const m = await eventually(async () => evs().find((e) => e.type === 'hotline.callback.completed' && e.caseId === cases.a.id), {
      what: 'hotline.callback.completed',
    });
    expect(m.data).toMatchObject({ round: 1, reached: true, resolved: true, satisfaction: 'satisfied' });
    expect(JSON.stringify(m)).not.toMatch(/13812345678|citizenPhone/);
    // 已回访, with the round's lines on the case timeline.
    await intakeStage(duty, cases.a.id, 'calledBack');
    const tl = await eventually(
      async () => {
        const r = await duty.request<{ case: { timeline: Array<{ type: string; label: string; detail: string | null }> } }>(
          'query($id: ID!) { case(id: $id) { timeline { type label detail } } }',
          { id: cases.a.id },
        );
        return r.case.timeline.some((l) => l.type === 'hotline.callback.completed') && r.case.timeline;
      },
      { what: 'the callback lines on the timeline' },
    );
    expect(tl.find((l) => l.type === 'hotline.callback.completed')).toMatchObject({ label: '回访完成', detail: '第 1 轮：已解决，满意' });
    expect(tl.find((l) => l.type === 'hotline.callback.scheduled')?.label).toBe('进入待回访');
    expect(tl.filter((l) => l.type === 'hotline.callback.attempted')).toHaveLength(1);
  });

  it('missed calls are retried inside working hours, then the round ends as unreachable', async () => {
    await agent.request(CLAIM, { t: cases.d.taskId });
    const t1 = (
      await agent.request<{ recordCallbackAttempt: { attempts: number; status: string; nextAttemptAt: string } }>(ATTEMPT, {
        i: { taskId: cases.d.taskId, outcome: 'no_answer' },
      })
    ).recordCallbackAttempt;
    expect(t1).toMatchObject({ attempts: 1, status: 'open' });
    const next = new Date(t1.nextAttemptAt);
    expect(next.getTime()).toBeGreaterThanOrEqual(Date.now() + 2 * 3_600_000 - 60_000); // at least the retry interval
    const h = (next.getUTCHours() + 8) % 24;
    expect(h >= 9 && h < 18).toBe(true); // inside working hours, Beijing time
    await agent.request(ATTEMPT, { i: { taskId: cases.d.taskId, outcome: 'no_answer' } });
    const t3 = (
      await agent.request<{ recordCallbackAttempt: { attempts: number; status: string; nextAttemptAt: string | null; result: object; attemptLog: object[] } }>(
        ATTEMPT,
        { i: { taskId: cases.d.taskId, outcome: 'no_answer', note: '第三次无人接听' } },
      )
    ).recordCallbackAttempt;
    expect(t3).toMatchObject({ attempts: 3, status: 'unreachable', nextAttemptAt: null, result: { reached: false, resolved: null, satisfaction: null } });
    expect(t3.attemptLog).toHaveLength(3);
    expect(refusal(await agent.raw(ATTEMPT, { i: { taskId: cases.d.taskId, outcome: 'reached' } }))).toEqual({ code: 'CONFLICT', reason: 'TASK_CLOSED' });
    const attempted = await eventually(
      async () =>
        evs().filter((e) => e.type === 'hotline.callback.attempted' && e.caseId === cases.d.id).length === 3 &&
        evs().filter((e) => e.type === 'hotline.callback.attempted' && e.caseId === cases.d.id),
      { what: 'three attempted events' },
    );
    expect(attempted.map((e) => (e.data as { unreachable: boolean }).unreachable)).toEqual([false, false, true]);
  });

  it('basically satisfied, recorded by the holder', async () => {
    await agent.request(CLAIM, { t: cases.b.taskId });
    await agent.request(ATTEMPT, { i: { taskId: cases.b.taskId, outcome: 'reached' } });
    await agent.request(RESULT, { i: { taskId: cases.b.taskId, resolved: true, satisfaction: 'basically' } });
  });

  it('unresolved without an explanation is refused and nothing is written', async () => {
    await agent.request(CLAIM, { t: cases.c.taskId });
    await agent.request(ATTEMPT, { i: { taskId: cases.c.taskId, outcome: 'reached' } });
    const r = await agent.raw(RESULT, { i: { taskId: cases.c.taskId, resolved: false, satisfaction: 'dissatisfied' } });
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', reason: 'REOPEN_EXPLANATION_REQUIRED' });
    const after = await callbacks(agent, cases.c.id);
    expect(after.callbacks[0]).toMatchObject({ status: 'open', result: null });
    expect(after.supervisions).toEqual([]);
  });

  it('unresolved → reopened → round 2 in the department inbox → reply → review → second callback → 二次督办 closed', async () => {
    await agent.request(RESULT, {
      i: {
        taskId: cases.c.taskId,
        resolved: false,
        satisfaction: 'dissatisfied',
        explanation: '市民称电梯仍频繁停运，联系电话13812345678',
        notes: '市民不满意',
      },
    });
    // supervision opens the round from the result's event; callback's round follows the reopen.
    const opened = await eventually(
      async () => {
        const r = await callbacks(supervisor, cases.c.id);
        return r.supervisions.length > 0 && r.handlingRound === 2 && r;
      },
      { what: '二次督办 opened by supervision' },
    );
    expect(opened.supervisions).toHaveLength(1);
    expect(opened.supervisions[0]).toMatchObject({ round: 2, status: 'open', outcome: null, trigger: 'callback', department: { id: propertyId } });
    expect(opened.supervisions[0].reason).toBe('市民称电梯仍频繁停运，联系电话138****5678'); // masked where people read it
    const reopened = await eventually(async () => evs().find((e) => e.type === 'hotline.case.reopened' && e.caseId === cases.c.id), {
      what: 'hotline.case.reopened',
    });
    expect(reopened.data).toMatchObject({ round: 2, trigger: 'callback', departmentId: propertyId });
    expect(JSON.stringify(reopened)).not.toContain('13812345678');
    expect(evs().some((e) => e.type === 'hotline.supervision.opened' && e.caseId === cases.c.id)).toBe(true);
    // The result asked for the round (its scrubbed 重办说明 on the event); supervision owns the reopen.
    const result = evs().find((e) => e.type === 'hotline.callback.completed' && e.caseId === cases.c.id);
    expect(result?.data.reopen).toEqual({ reason: '市民称电梯仍频繁停运，联系电话138****5678' });
    expect((reopened as Ev & { source: string }).source).toBe('supervision');

    // Back in 物业管理科's inbox, marked as round 2, with the second round's deadline.
    const inbox = await eventually(
      async () => {
        const r = await property.request<{ departmentInbox: Array<{ id: string; handling: { round: number; state: string } }> }>(
          '{ departmentInbox { id handling { round state } } }',
        );
        return r.departmentInbox.find((x) => x.id === cases.c.id && x.handling.round === 2);
      },
      { what: 'the reopened case in the department inbox' },
    );
    expect(inbox.handling.state).toBe('accepted');
    expect((await view(property, cases.c.id)).assignment?.deadlineAt).toBe(opened.supervisions[0].dueAt);
    // intake's stage: 二次督办 (the lifecycle's backward move, packages/contracts/src/lifecycle.ts).
    await intakeStage(duty, cases.c.id, 'reopened');

    await complete(duty, property, cases.c.id, { accept: false });
    const second = await taskOf(agent, cases.c.id, 2);
    expect(second).toMatchObject({ round: 2, status: 'open' });
    await intakeStage(duty, cases.c.id, 'awaitingCallback'); // round 2's 待回访
    await agent.request(CLAIM, { t: second.id });
    await agent.request(ATTEMPT, { i: { taskId: second.id, outcome: 'reached' } });
    await agent.request(RESULT, { i: { taskId: second.id, resolved: true, satisfaction: 'satisfied' } });
    const closed = await eventually(
      async () => {
        const r = await callbacks(supervisor, cases.c.id);
        return r.supervisions[0]?.status === 'closed' && r;
      },
      { what: '二次督办 closed by the second callback' },
    );
    expect(closed.callbacks.map((t) => [t.round, t.status, t.result?.satisfaction])).toEqual([
      [1, 'done', 'dissatisfied'],
      [2, 'done', 'satisfied'],
    ]);
    expect(closed.supervisions[0]).toMatchObject({ status: 'closed', outcome: 'resolved' });
    const list = await supervisor.request<{ secondSupervisions: { total: number; items: Array<{ id: string }> } }>(
      '{ secondSupervisions(status: "closed", pageSize: 100) { total items { id } } }',
    );
    expect(list.secondSupervisions.items.map((s) => s.id)).toContain(closed.supervisions[0].id);
    await eventually(async () => evs().find((e) => e.type === 'hotline.supervision.closed' && e.caseId === cases.c.id), { what: 'hotline.supervision.closed' });
    await intakeStage(duty, cases.c.id, 'calledBack');
    // The 二次督办 lines come through a consumer of their own: wait for them.
    const types = await eventually(
      async () => {
        const tl = await duty.request<{ case: { timeline: Array<{ type: string }> } }>('query($id: ID!) { case(id: $id) { timeline { type } } }', {
          id: cases.c.id,
        });
        const t = tl.case.timeline.map((l) => l.type);
        return t.includes('hotline.supervision.closed') && t;
      },
      { what: 'the 二次督办 lines on the timeline' },
    );
    expect(types.filter((x) => x === 'hotline.callback.scheduled')).toHaveLength(2);
    expect(types).toContain('hotline.supervision.opened');
  });

  it('退回 in round 2: the department returns the reopened case → 待分转 at intake', async () => {
    // A topic of its own: the three rates below count only a–d.
    const c = await completedCase(duty, { client: property, id: propertyId }, agent, { ...over, topic: `${topic}退` }, { contact: true });
    await intakeStage(duty, c.id, 'awaitingCallback');
    await openByHand('mutation($c: ID!, $e: String!) { openSecondRound(caseId: $c, explanation: $e) { id } }', {
      c: c.id,
      e: '区级平台回访显示仍未解决',
    });
    await intakeStage(duty, c.id, 'reopened');
    await eventually(async () => (await view(property, c.id)).handling?.state === 'accepted', { what: 'the reopened case with the department' });
    await must(property, 'returnCase', 'ReturnInput', { caseId: c.id, reasonCode: 'wrong_department', basis: '该事项属于其他单位职责，二次督办中退回' });
    await intakeStage(duty, c.id, 'signed');
  });

  it('a supervisor opens a second round by hand (with an explanation); other roles may not', async () => {
    expect(
      refusal(await supervisor.raw('mutation($c: ID!, $e: String!) { openSecondRound(caseId: $c, explanation: $e) { id } }', { c: cases.b.id, e: '' })),
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(
      refusal(await agent.raw('mutation($c: ID!, $e: String!) { openSecondRound(caseId: $c, explanation: $e) { id } }', { c: cases.b.id, e: '区级回访不满意' }))
        .code,
    ).toBe('FORBIDDEN');
    const r = await openByHand<{ openSecondRound: { round: number; trigger: string; status: string } }>(
      'mutation($c: ID!, $e: String!) { openSecondRound(caseId: $c, explanation: $e) { round trigger status } }',
      { c: cases.b.id, e: '区级平台回访显示仍有遗留问题' },
    );
    expect(r.openSecondRound).toEqual({ round: 2, trigger: 'supervisor', status: 'open' });
    // callback follows the reopen: round 2, and its round-1 task (if still open) no longer matters.
    await eventually(async () => (await callbacks(supervisor, cases.b.id)).handlingRound === 2, { what: "callback's round 2 of case b" });
    expect((await callbacks(supervisor, cases.b.id)).callbacks.map((t) => [t.round, t.status])).not.toContainEqual([1, 'open']);
    expect(
      refusal(
        await supervisor.raw('mutation($c: ID!, $e: String!) { openSecondRound(caseId: $c, explanation: $e) { id } }', {
          c: cases.b.id,
          e: '重复发起二次督办',
        }),
      ),
    ).toEqual({ code: 'CONFLICT', reason: 'SUPERVISION_OPEN' });
    await eventually(async () => (await view(property, cases.b.id)).handling?.state === 'accepted', { what: 'case b back with the department' });
  });

  it("the district platform's results: imported by external number, idempotent, unknown numbers refused with nothing written", async () => {
    const csv = (rows: string[]) => Buffer.from(['工单编号,回访轮次,是否接通,是否解决,满意度,回访时间', ...rows].join('\n'), 'utf8').toString('base64');
    const IMPORT =
      'mutation($f: String!, $c: String!) { importOfficialCallbacks(fileName: $f, contentBase64: $c) { rows created unchanged updated errors { row externalNo message } } }';
    const bad = await agent.request<{ importOfficialCallbacks: { created: number; errors: Array<{ row: number; message: string }> } }>(IMPORT, {
      f: 'district.csv',
      c: csv([`${cases.b.externalNo},1,是,是,满意,2026-12-04 10:00`, 'NO-SUCH-CASE-1,1,是,否,不满意,2026-12-04 10:00']),
    });
    expect(bad.importOfficialCallbacks.created).toBe(0);
    expect(bad.importOfficialCallbacks.errors).toEqual([{ row: 3, externalNo: 'NO-SUCH-CASE-1', message: '未找到工单编号 NO-SUCH-CASE-1' }]);
    expect((await callbacks(agent, cases.b.id)).callbacks[0].official).toBeNull();
    const file = csv([`${cases.b.externalNo},1,是,是,满意,2026-12-04 10:00`]);
    const first = await agent.request<{ importOfficialCallbacks: object }>(IMPORT, { f: 'district.csv', c: file });
    expect(first.importOfficialCallbacks).toMatchObject({ rows: 1, created: 1, unchanged: 0, errors: [] });
    const again = await agent.request<{ importOfficialCallbacks: object }>(IMPORT, { f: 'district.csv', c: file });
    expect(again.importOfficialCallbacks).toMatchObject({ rows: 1, created: 0, unchanged: 1, errors: [] });
    expect((await callbacks(agent, cases.b.id)).callbacks[0].official).toEqual({ round: 1, reached: true, resolved: true, satisfaction: 'satisfied' });
  });

  const RATES = `query($p: String!, $t: String, $pol: ID) { threeRates(period: $p, topic: $t, policyId: $pol) {
    period closed policy { id version isDefault }
    counts { cases excluded assessed responded answered pending resolved satisfied basicallySatisfied dissatisfied }
    responseRate resolutionRate satisfactionRate score byDepartment { departmentId counts { assessed } } } }`;
  type Rates = {
    period: string;
    closed?: boolean;
    policy: { id: string; isDefault: boolean };
    counts: Record<string, number>;
    responseRate: number;
    resolutionRate: number;
    satisfactionRate: number;
    score: number;
    byDepartment: Array<{ departmentId: string; counts: { assessed: number } }>;
  };

  it('three rates under the default policy, checked against the hand calculation', async () => {
    const period = currentPeriod(19); // default: periods from the 19th
    const r = (await leader.request<{ threeRates: Rates }>(RATES, { p: period, t: topic })).threeRates;
    expect(r.policy.isDefault).toBe(true);
    // a: contacted, satisfied. b: contacted; bureau 基本满意, district 满意 → official first: 满意.
    // c: never contacted (not responded); round 1 unresolved/不满意, round 2 resolved/满意 → latest round counts.
    // d: contacted, unreachable → no valid callback.
    expect(r.counts).toEqual({
      cases: 4,
      excluded: 0,
      assessed: 4,
      responded: 3,
      answered: 3,
      pending: 1,
      resolved: 3,
      satisfied: 3,
      basicallySatisfied: 0,
      dissatisfied: 0,
    });
    expect(r.responseRate).toBeCloseTo(3 / 4, 10);
    expect(r.resolutionRate).toBeCloseTo(3 / 3, 10);
    expect(r.satisfactionRate).toBeCloseTo((3 + 0.9 * 0) / 3, 10);
    expect(r.score).toBeCloseTo(10 * (3 / 4) + 50 * 1 + 40 * 1, 10);
    expect(r.byDepartment).toEqual([{ departmentId: propertyId, counts: { assessed: 4 } }]);
  });

  it('another policy version on the same data gives its own figures; a policy whose weights do not add up is refused', async () => {
    const SAVE = 'mutation($i: ScoringPolicyInput!) { saveScoringPolicy(input: $i) { id version effectiveFrom } }';
    const input = {
      effectiveFrom: '2099-01',
      responseClocks: ['handle'],
      contactHours: 24,
      basicFactor: 0.5,
      weights: { response: 20, resolution: 40, satisfaction: 40 },
      periodKind: 'calendar',
      cutoffDay: 19,
      resultSource: 'bureau',
      resultRound: 'first',
      note: `测试口径 ${topic}`,
    };
    const before = (await admin.request<{ scoringPolicies: object[] }>('{ scoringPolicies { id } }')).scoringPolicies.length;
    const bad = await admin.raw(SAVE, { i: { ...input, weights: { response: 20, resolution: 40, satisfaction: 30 } } });
    expect(refusal(bad)).toEqual({ code: 'BAD_USER_INPUT', reason: 'WEIGHTS_NOT_100' });
    expect((await admin.request<{ scoringPolicies: object[] }>('{ scoringPolicies { id } }')).scoringPolicies).toHaveLength(before);
    expect(refusal(await leader.raw(SAVE, { i: input })).code).toBe('FORBIDDEN');
    // Effective from 2099 so no other test's figures move; asked for by id to recompute this period.
    const saved = (await admin.request<{ saveScoringPolicy: { id: string } }>(SAVE, { i: input })).saveScoringPolicy;
    const r = (await supervisor.request<{ threeRates: Rates }>(RATES, { p: currentPeriod(null), t: topic, pol: saved.id })).threeRates;
    // Only the handling deadline counts → all 4 responded. Bureau answers, first round: a 满意 resolved;
    // b 基本满意 resolved; c 不满意 unresolved; d unreachable.
    expect(r.counts).toEqual({
      cases: 4,
      excluded: 0,
      assessed: 4,
      responded: 4,
      answered: 3,
      pending: 1,
      resolved: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      dissatisfied: 1,
    });
    expect(r.responseRate).toBeCloseTo(1, 10);
    expect(r.resolutionRate).toBeCloseTo(2 / 3, 10);
    expect(r.satisfactionRate).toBeCloseTo((1 + 0.5 * 1) / 3, 10);
    expect(r.score).toBeCloseTo(20 * 1 + 40 * (2 / 3) + 40 * (1.5 / 3), 10);
    expect(refusal(await property.raw(RATES, { p: currentPeriod(19), t: topic })).code).toBe('FORBIDDEN');
  });

  it('closing a period freezes it; the running period and a second close are refused', async () => {
    const CLOSE = 'mutation($p: String!) { closeScoringPeriod(period: $p) }';
    expect(refusal(await admin.raw(CLOSE, { p: currentPeriod(19) }))).toEqual({ code: 'CONFLICT', reason: 'PERIOD_NOT_ENDED' });
    expect(refusal(await leader.raw(CLOSE, { p: '2020-01' })).code).toBe('FORBIDDEN');
    // 2020-01 (19 Dec 2019 – 19 Jan 2020): long over, nobody else's figures.
    expect((await admin.request<{ closeScoringPeriod: boolean }>(CLOSE, { p: '2020-01' })).closeScoringPeriod).toBe(true);
    expect(refusal(await admin.raw(CLOSE, { p: '2020-01' }))).toEqual({ code: 'CONFLICT', reason: 'PERIOD_CLOSED' });
    const closed = (await leader.request<{ threeRates: Rates & { closed: boolean } }>(RATES, { p: '2020-01' })).threeRates;
    expect(closed).toMatchObject({ period: '2020-01', closed: true, counts: { cases: 0, assessed: 0 }, responseRate: null, score: null });
    expect(refusal(await leader.raw(RATES, { p: '2026-13' }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_PERIOD' });
  });
});
