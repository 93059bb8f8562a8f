import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, freePort, GraphQLClient, startService } from '@hotline/testing';
import { departments, dispatched, must } from './dispatch-helpers';
import { as, receive } from './helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;
type Msg = Partner['messages'][number];

const CLOCK = `id kind state definitionKey definitionVersion measure targetMinutes startedAt dueAt pausedAt pausedMinutes shareUsed warnedAt warnedShare breachedAt stoppedAt outcome blockedReason department { id }`;
interface ClockView {
  id: string;
  kind: string;
  state: string;
  definitionKey: string;
  definitionVersion: number;
  measure: string;
  targetMinutes: number | null;
  startedAt: string;
  dueAt: string | null;
  pausedAt: string | null;
  pausedMinutes: number;
  shareUsed: number | null;
  warnedAt: string | null;
  warnedShare: number | null;
  breachedAt: string | null;
  stoppedAt: string | null;
  outcome: string | null;
  blockedReason: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const data = (m: Msg) => m.json.data as Record<string, unknown>;

async function clocksOf(client: GraphQLClient, caseId: string): Promise<ClockView[]> {
  return (await client.request<{ case: { clocks: ClockView[] } }>(`query($id: ID!) { case(id: $id) { clocks { ${CLOCK} } } }`, { id: caseId })).case.clocks;
}

/** A clock definition only the cases of this test's own topic match (so other tests' cases keep the defaults). */
async function defineFastSignClock(admin: GraphQLClient, topic: string, seconds: number) {
  const key = `e2e-sign-${randomUUID().slice(0, 8)}`;
  await admin.request('mutation($i: ClockDefinitionInput!) { saveClockDefinition(input: $i) { id version } }', {
    i: {
      key,
      kind: 'sign',
      name: '测试：快速签收时限',
      selector: { topics: [topic] },
      targetUnit: 'natural-minutes',
      targetAmount: seconds / 60,
      triggers: { startOn: ['hotline.case.received'], stopOn: ['hotline.case.signed'] },
      warnShares: [50, 75, 90],
      priority: 100,
    },
  });
  return key;
}

describe('supervision: clocks on the working calendar, warnings, breach and the 催办 ladder', () => {
  let admin: GraphQLClient;
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let leader: GraphQLClient;
  let property: GraphQLClient;
  let housing: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.>');
    [admin, duty, supervisor, leader, property, housing] = await Promise.all(
      ['admin', 'duty', 'supervisor', 'leader', 'handler-property', 'handler-housing'].map(as),
    );
    dept = await departments(duty);
  });
  afterAll(async () => {
    await partner?.close();
  });

  const eventsOf = (caseId: string, prefix = 'hotline.') => partner.messages.filter((m) => m.json.caseId === caseId && m.subject.startsWith(prefix));

  it('the working calendar: 2026 National Day and its swapped Saturday; a year not loaded is refused', async () => {
    const r = await duty.request<{ workingCalendar: Array<{ date: string; working: boolean; kind: string; name: string | null }> }>(
      '{ workingCalendar(year: 2026) { date working kind name } }',
    );
    expect(r.workingCalendar).toHaveLength(365);
    expect(r.workingCalendar.find((d) => d.date === '2026-10-01')).toEqual({ date: '2026-10-01', working: false, kind: 'holiday', name: '国庆节' });
    expect(r.workingCalendar.find((d) => d.date === '2026-10-10')).toEqual({ date: '2026-10-10', working: true, kind: 'swapped-workday', name: '国庆节调休' });
    const missing = await duty.raw('{ workingCalendar(year: 2031) { date } }');
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CALENDAR_YEAR_NOT_LOADED' });
  });

  it('the administrator loads a year from the State Council notice; bad notices are refused and change nothing', async () => {
    // 2099: far outside any clock of this run (its own data, nothing else depends on it).
    const load = (client: GraphQLClient, days: Array<Record<string, unknown>>) =>
      client.raw<{ loadCalendarYear: { year: number } }>('mutation($i: LoadCalendarYearInput!) { loadCalendarYear(input: $i) { year replanned } }', {
        i: { year: 2099, days, note: '测试通知' },
      });
    expect((await load(supervisor, [{ date: '2099-01-01', working: false, name: '元旦' }])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await load(admin, [{ date: '2098-12-31', working: false }])).errors?.[0].extensions?.reason).toBe('DATE_OUTSIDE_YEAR');
    expect((await load(admin, [{ date: '2099-02-30', working: false }])).errors?.[0].extensions?.reason).toBe('INVALID_DATE');
    expect(
      (
        await load(admin, [
          { date: '2099-01-01', working: false },
          { date: '2099-01-01', working: true },
        ])
      ).errors?.[0].extensions?.reason,
    ).toBe('DUPLICATE_DATE');
    expect((await admin.raw('{ workingCalendar(year: 2099) { date } }')).errors?.[0].extensions?.reason).toBe('CALENDAR_YEAR_NOT_LOADED');
    const ok = await load(admin, [
      { date: '2099-01-01', working: false, name: '元旦' },
      { date: '2099-01-03', working: true, name: '元旦调休' },
    ]);
    expect(ok.errors).toBeUndefined();
    const days = (
      await duty.request<{ workingCalendar: Array<{ date: string; working: boolean; kind: string; name: string | null }> }>(
        '{ workingCalendar(year: 2099) { date working kind name } }',
      )
    ).workingCalendar;
    expect(days).toHaveLength(365);
    expect(days.slice(0, 4)).toEqual([
      { date: '2099-01-01', working: false, kind: 'holiday', name: '元旦' },
      { date: '2099-01-02', working: true, kind: 'workday', name: null },
      { date: '2099-01-03', working: true, kind: 'swapped-workday', name: '元旦调休' },
      { date: '2099-01-04', working: false, kind: 'weekend', name: null },
    ]);
    const years = await duty.request<{ calendarYears: Array<{ year: number; source: string; holidays: number; swappedWorkdays: number }> }>(
      '{ calendarYears { year source holidays swappedWorkdays } }',
    );
    expect(years.calendarYears.find((y) => y.year === 2099)).toEqual({ year: 2099, source: 'admin', holidays: 1, swappedWorkdays: 1 });
    expect(years.calendarYears.find((y) => y.year === 2026)).toMatchObject({ source: 'chinese-days', holidays: 33, swappedWorkdays: 6 });
  });

  it('bad clock definitions are refused with a code and nothing is saved', async () => {
    const base = {
      key: `e2e-bad-${randomUUID().slice(0, 8)}`,
      kind: 'handle',
      name: '坏规则',
      targetUnit: 'working-days',
      targetAmount: 3,
      triggers: { startOn: ['hotline.case.dispatched'], stopOn: ['hotline.case.replied'] },
    };
    const save = (over: Record<string, unknown>) =>
      admin.raw('mutation($i: ClockDefinitionInput!) { saveClockDefinition(input: $i) { id } }', { i: { ...base, ...over } });
    const reason = async (over: Record<string, unknown>) => (await save(over)).errors?.[0].extensions?.reason;
    expect(await reason({ targetAmount: 0 })).toBe('TARGET_NOT_POSITIVE');
    expect(await reason({ targetAmount: -2 })).toBe('TARGET_NOT_POSITIVE');
    expect(await reason({ triggers: { startOn: ['hotline.case.teleported'], stopOn: ['hotline.case.replied'] } })).toBe('UNKNOWN_EVENT');
    expect(await reason({ selector: { urgencies: ['whenever'] } })).toBe('SELECTOR_MATCHES_NOTHING');
    expect(await reason({ selector: { topics: [] } })).toBe('SELECTOR_MATCHES_NOTHING');
    expect(
      (await supervisor.raw('mutation($i: ClockDefinitionInput!) { saveClockDefinition(input: $i) { id } }', { i: base })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const all = await admin.request<{ clockDefinitions: Array<{ key: string }> }>('{ clockDefinitions { key } }');
    expect(all.clockDefinitions.some((d) => d.key === base.key)).toBe(false);
    // The 催办 ladder refuses steps that contradict their level; the ladder stays as it was.
    const step = (i: Record<string, unknown>) =>
      admin.raw('mutation($i: LadderStepInput!) { saveLadderStep(input: $i) { id } }', { i: { name: '坏步骤', recipients: ['department'], ...i } });
    expect((await step({ sharePct: 120, level: 'reminder' })).errors?.[0].extensions?.reason).toBe('REMINDER_AFTER_DEADLINE');
    expect((await step({ sharePct: 50, level: 'escalation' })).errors?.[0].extensions?.reason).toBe('ESCALATION_BEFORE_DEADLINE');
    expect((await step({ sharePct: 80, level: 'reminder', recipients: [] })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const ladder = await supervisor.request<{ urgeLadder: Array<{ sharePct: number; level: string }> }>('{ urgeLadder { sharePct level } }');
    expect(ladder.urgeLadder).toEqual([
      { sharePct: 80, level: 'reminder' },
      { sharePct: 100, level: 'breach' },
      { sharePct: 150, level: 'escalation' },
    ]);
  });

  it('the ladder end to end: warnings at 50/75/90 %, the breach and three 催办 steps, each once, on the case and in the queue', async () => {
    const topic = `督办测试-${randomUUID().slice(0, 6)}`;
    // 20 s: the 90 % warning and the breach are 2 s apart, so the scheduler (a round every second)
    // meets the 90 % one on its own; 8 s left 0.8 s, and a round that came after the breach rightly
    // skipped the stale warning (fresh-clone CI saw that once).
    await defineFastSignClock(admin, topic, 20);
    const c = await receive(duty, { topic, title: '催办阶梯测试' });
    // 150 % of 20 s = 30 s for the last step.
    const urged = await eventually(
      async () => {
        const u = eventsOf(c.id, 'hotline.case.urged');
        return u.length >= 3 && u;
      },
      { what: 'three 催办 steps', timeoutMs: 75_000 },
    );
    await sleep(2_000); // nothing may follow twice
    const warned = eventsOf(c.id, 'hotline.clock.warned');
    expect(warned.map((m) => data(m).threshold).sort()).toEqual([0.5, 0.75, 0.9]);
    expect(eventsOf(c.id, 'hotline.clock.breached')).toHaveLength(1);
    expect(eventsOf(c.id, 'hotline.case.urged').map((m) => data(m).level)).toEqual(['reminder', 'breach', 'escalation']);
    expect(urged.map((m) => data(m).recipients)).toEqual([['department'], ['department', 'supervisor'], ['leader']]);

    const [clock] = await clocksOf(supervisor, c.id);
    expect(clock).toMatchObject({ kind: 'sign', state: 'running', measure: 'natural', targetMinutes: expect.closeTo(20 / 60, 2), warnedShare: 0.9 });
    expect(clock.breachedAt).not.toBeNull();
    expect(clock.shareUsed).toBeGreaterThan(1.5);

    const q = await supervisor.request<{
      clockQueue: { total: number; items: Array<{ externalNo: string; urgeCount: number; clock: { kind: string }; case: { id: string; title: string } }> };
    }>('{ clockQueue(filter: OVERDUE, kind: "sign", limit: 200) { total items { externalNo urgeCount clock { kind } case { id title } } } }');
    const row = q.clockQueue.items.find((i) => i.case.id === c.id);
    expect(row).toMatchObject({ externalNo: c.externalNo, urgeCount: 3, clock: { kind: 'sign' }, case: { title: '催办阶梯测试' } });
    expect(q.clockQueue.total).toBeGreaterThanOrEqual(q.clockQueue.items.length);

    // Every step is on the case's timeline, in Chinese.
    const lines = await eventually(
      async () => {
        const t = await supervisor.request<{ case: { timeline: Array<{ type: string; label: string; detail: string | null }> } }>(
          'query($id: ID!) { case(id: $id) { timeline { type label detail } } }',
          { id: c.id },
        );
        const u = t.case.timeline.filter((x) => x.type === 'hotline.case.urged');
        return u.length === 3 && u;
      },
      { what: 'three 催办 lines on the timeline' },
    );
    expect(lines.map((l) => l.label)).toEqual(['催办', '催办', '催办']);
    expect(lines[0].detail).toBe('到期前催办提醒（签收时限） → 承办科室');
    expect(lines[2].detail).toBe('超期升级催办（签收时限） → 局领导');

    // Signing late stops the clock as late; nothing fires afterwards.
    await duty.request('mutation($id: ID!) { signCase(id: $id) { id } }', { id: c.id });
    const stopped = await eventually(async () => (await clocksOf(supervisor, c.id)).find((k) => k.kind === 'sign' && k.state === 'stopped'), {
      what: 'the sign clock stopped',
    });
    expect(stopped.outcome).toBe('late');
    const verify = await supervisor.request<{ verifyCaseClocks: { identical: boolean; differences: string[] } }>(
      'query($id: ID!) { verifyCaseClocks(caseId: $id) { identical differences } }',
      { id: c.id },
    );
    expect(verify.verifyCaseClocks).toEqual({ identical: true, differences: [] });
  }, 120_000);

  it('a handling clock across pause and resume: the paused time moves the due time; 人工催办 with a note; rebuild gives the same clocks', async () => {
    const topic = `暂停测试-${randomUUID().slice(0, 6)}`;
    const key = `e2e-handle-${randomUUID().slice(0, 8)}`;
    await admin.request('mutation($i: ClockDefinitionInput!) { saveClockDefinition(input: $i) { id } }', {
      i: {
        key,
        kind: 'handle',
        name: '测试：办理时限 10 分钟',
        selector: { topics: [topic] },
        targetUnit: 'natural-minutes',
        targetAmount: 10,
        priority: 100,
        triggers: {
          startOn: ['hotline.case.dispatched'],
          pauseOn: ['hotline.case.extension-requested'],
          resumeOn: ['hotline.case.extension-refused', 'hotline.case.extended'],
          stopOn: ['hotline.case.replied'],
          cancelOn: ['hotline.case.returned'],
        },
      },
    });
    const c = await dispatched(duty, { client: property, id: dept.property }, { over: { topic } });
    const started = await eventually(async () => (await clocksOf(property, c.id)).find((k) => k.kind === 'handle'), { what: 'the handling clock' });
    expect(started).toMatchObject({ definitionKey: key, definitionVersion: 1, state: 'running', department: { id: dept.property } });
    expect(new Date(started.dueAt!).getTime() - new Date(started.startedAt).getTime()).toBe(10 * 60_000);
    // Every kind the case has reached has its clock: sign (stopped), dispatch (stopped), contact and handle (running).
    expect((await clocksOf(supervisor, c.id)).map((k) => `${k.kind}:${k.state}`).sort()).toEqual([
      'contact:running',
      'dispatch:stopped',
      'handle:running',
      'sign:stopped',
    ]);

    await must(property, 'acceptCase', 'CaseActionInput', { caseId: c.id });
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const asked = await must(property, 'requestExtension', 'ExtensionRequestInput', { caseId: c.id, reason: '需协调电梯厂家采购配件', requestedUntil: until });
    const paused = await eventually(async () => (await clocksOf(property, c.id)).find((k) => k.kind === 'handle' && k.state === 'paused'), {
      what: 'the paused clock',
    });
    expect(paused.pausedAt).not.toBeNull();
    await sleep(1_500);
    await must(supervisor, 'refuseExtension', 'ExtensionDecisionInput', { extensionId: asked.extensions[0].id, note: '不予延期，请按期办结' });
    const resumed = await eventually(
      async () => (await clocksOf(property, c.id)).find((k) => k.kind === 'handle' && k.state === 'running' && k.pausedMinutes > 0),
      { what: 'the resumed clock' },
    );
    const pausedMs = Math.round(resumed.pausedMinutes * 60_000);
    expect(pausedMs).toBeGreaterThanOrEqual(1_000);
    // The due time moved by exactly the paused time (natural measure; minutes are rounded to 1/100).
    expect(Math.abs(new Date(resumed.dueAt!).getTime() - new Date(started.dueAt!).getTime() - pausedMs)).toBeLessThan(700);
    // The clock's state is committed with its events in the outbox; the relay publishes them a moment later.
    const moves = await eventually(
      async () => {
        const subjects = eventsOf(c.id, 'hotline.clock.').map((m) => m.subject);
        return subjects.includes('hotline.clock.resumed') && subjects;
      },
      { what: 'hotline.clock.resumed on the stream' },
    );
    expect(moves).toEqual(expect.arrayContaining(['hotline.clock.started', 'hotline.clock.paused', 'hotline.clock.resumed']));

    // 人工催办: supervisors only; the note reaches the timeline with the phone number masked.
    expect(
      (await property.raw('mutation($i: UrgeCaseInput!) { urgeCase(input: $i) { id } }', { i: { caseId: c.id, note: '请尽快办理' } })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await supervisor.raw('mutation($i: UrgeCaseInput!) { urgeCase(input: $i) { id } }', { i: { caseId: c.id, note: '' } })).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    const u = await supervisor.request<{ urgeCase: { level: string; recipients: string[]; note: string; department: { id: string } } }>(
      'mutation($i: UrgeCaseInput!) { urgeCase(input: $i) { level recipients note department { id } } }',
      { i: { caseId: c.id, note: '市民13812345678再次来电，请今日内回复', clockKind: 'handle' } },
    );
    expect(u.urgeCase).toMatchObject({ level: 'manual', recipients: ['department'], department: { id: dept.property } });
    const ev = await eventually(async () => eventsOf(c.id, 'hotline.case.urged')[0], { what: 'the manual 催办 event' });
    expect(ev.data).not.toContain('13812345678');
    expect(data(ev).note).toBe('市民138****5678再次来电，请今日内回复');
    const line = await eventually(
      async () => {
        const t = await property.request<{ case: { timeline: Array<{ type: string; detail: string | null }>; urges: Array<{ level: string }> } }>(
          'query($id: ID!) { case(id: $id) { timeline { type detail } urges { level } } }',
          { id: c.id },
        );
        return t.case.timeline.find((x) => x.type === 'hotline.case.urged') && t.case;
      },
      { what: 'the 催办 on the timeline' },
    );
    expect(line.timeline.find((x) => x.type === 'hotline.case.urged')!.detail).toBe('人工催办（办理时限） → 承办科室：市民138****5678再次来电，请今日内回复');
    expect(line.urges.map((x) => x.level)).toEqual(['manual']);

    // Another department sees neither the case nor its clocks; its queue holds only its own.
    expect((await housing.raw('query($id: ID!) { case(id: $id) { clocks { id } } }', { id: c.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Asked of supervision directly (as the gateway asks it), the reference holds the same scope:
    // the other department's handler gets no clocks, nor for a case supervision does not know;
    // the case's own department and a user who sees every case get them.
    const entities = (client: GraphQLClient, id: string) =>
      new GraphQLClient(`${inject('subgraphUrls').supervision}/graphql`, client.token).raw<{ _entities: Array<{ clocks: Array<{ kind: string }> } | null> }>(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { clocks { kind } } } }',
        { r: [{ __typename: 'Case', id }] },
      );
    for (const [client, id] of [
      [housing, c.id],
      [property, randomUUID()],
    ] as const) {
      const refused = await entities(client, id);
      expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(refused.data?._entities ?? [null]).toEqual([null]);
    }
    for (const client of [property, duty, leader]) expect((await entities(client, c.id)).data?._entities[0]?.clocks.length).toBeGreaterThan(0);
    expect((await entities(duty, randomUUID())).data?._entities).toEqual([{ clocks: [] }]);
    const hq = await housing.request<{ clockQueue: { items: Array<{ clock: { department: { id: string } | null } }> } }>(
      '{ clockQueue(filter: AT_RISK) { items { clock { department { id } } } } }',
    );
    expect(hq.clockQueue.items.every((i) => i.clock.department?.id === dept.housing)).toBe(true);
    expect((await leader.raw('{ clockQueue(filter: OVERDUE, limit: 500) { total } }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    const verify = await supervisor.request<{ verifyCaseClocks: { identical: boolean; stored: number; differences: string[] } }>(
      'query($id: ID!) { verifyCaseClocks(caseId: $id) { identical stored differences } }',
      { id: c.id },
    );
    expect(verify.verifyCaseClocks).toEqual({ identical: true, stored: 4, differences: [] });
  });

  it('two scheduler instances fire each warning and breach exactly once', async () => {
    const port = await freePort();
    const second = await startService({
      rootDir: inject('rootDir'),
      name: 'supervision',
      port,
      env: { ...inject('supervisionEnv'), SCHEDULER_POLL_MS: '200' },
      logFile: path.join(inject('rootDir'), '.local', `supervision-replica-${port}.log`),
    });
    try {
      const topic = `双实例测试-${randomUUID().slice(0, 6)}`;
      await defineFastSignClock(admin, topic, 4);
      const cases = await Promise.all(Array.from({ length: 6 }, (_, i) => receive(duty, { topic, title: `双实例 ${i}` })));
      await eventually(async () => cases.every((c) => eventsOf(c.id, 'hotline.case.urged').length >= 3), {
        what: 'every case through its ladder',
      });
      await sleep(2_500);
      for (const c of cases) {
        const fired = eventsOf(c.id).filter((m) => ['hotline.clock.warned', 'hotline.clock.breached', 'hotline.case.urged'].includes(m.subject));
        const marks = fired.map((m) => `${m.subject}:${String(data(m).threshold ?? data(m).level ?? '')}`);
        expect(new Set(marks).size, `${c.externalNo}: ${marks.join(', ')}`).toBe(marks.length);
        expect(eventsOf(c.id, 'hotline.clock.breached')).toHaveLength(1);
        expect(eventsOf(c.id, 'hotline.case.urged')).toHaveLength(3);
      }
    } finally {
      await second.stop();
    }
  });

  it('across a restart of supervision: what fell due while it was down fires once, stale warnings are skipped', async () => {
    const topic = `重启测试-${randomUUID().slice(0, 6)}`;
    await defineFastSignClock(admin, topic, 6);
    const c = await receive(duty, { topic, title: '重启测试' });
    await eventually(async () => eventsOf(c.id, 'hotline.clock.started').length === 1, { what: 'the clock started' });
    const control = inject('controlUrl');
    expect((await fetch(`${control}/supervision/stop`, { method: 'POST' })).status).toBe(200);
    const stoppedAt = Date.now();
    await sleep(Math.max(0, 11_000 - (Date.now() - stoppedAt))); // past 150 % (9 s) while nothing runs
    const before = eventsOf(c.id).length;
    expect((await fetch(`${control}/supervision/start`, { method: 'POST' })).status).toBe(200);
    await eventually(async () => eventsOf(c.id, 'hotline.clock.breached').length === 1 && eventsOf(c.id, 'hotline.case.urged').length === 3, {
      what: 'the breach and the ladder after the restart',
    });
    await sleep(2_500);
    expect(eventsOf(c.id, 'hotline.clock.breached')).toHaveLength(1);
    expect(eventsOf(c.id, 'hotline.case.urged')).toHaveLength(3);
    // The warnings fell due while it was down and were overtaken by the breach: recorded as skipped, not sent late.
    expect(eventsOf(c.id, 'hotline.clock.warned').length).toBeLessThanOrEqual(before);
    const [clock] = await clocksOf(supervisor, c.id);
    expect(clock.breachedAt).not.toBeNull();
  });
});
