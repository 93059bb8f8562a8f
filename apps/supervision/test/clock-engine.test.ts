import { describe, expect, it } from 'vitest';
import { createCalendar, seedOverrides } from '@hotline/calendar';
import { planAlarms } from '../src/clocks/alarms';
import { applyEvent, ClockDef, ClockRecord, EngineContext, replan, selectDefinition } from '../src/clocks/clock-engine';
import { checkDefinition, DEFAULT_DEFINITIONS } from '../src/definitions/definition-rules';
import { compareClocks } from '../src/clocks/rebuild';

const cal = createCalendar({ years: [2026], overrides: seedOverrides([2026]) });
const since = new Date('2000-01-01T00:00:00Z');
const defs: ClockDef[] = DEFAULT_DEFINITIONS.map(
  (d, i) => ({ ...checkDefinition(d), id: `d${i}`, version: 1, createdAt: since, supersededAt: null }) as ClockDef,
);
let n = 0;
const ctx: EngineContext = {
  calendar: cal,
  definitionsAt: (at) => defs.filter((d) => d.createdAt <= at && (!d.supersededAt || d.supersededAt > at)),
  definitionById: (id) => defs.find((d) => d.id === id),
  newId: () => `c${++n}`,
};
const facts = { requestType: 'complaint', topic: '物业', tier: 'general', urgency: 'normal', leadDepartmentId: null as string | null };
const at = (s: string) => new Date(s);
const ev = (type: string, when: string, data: Record<string, unknown> = {}) => ({ type, at: at(when), data });

function run(events: Array<ReturnType<typeof ev>>, f = facts) {
  const clocks: ClockRecord[] = [];
  const moves = events.flatMap((e) => {
    if (e.type === 'hotline.case.dispatched') f = { ...f, leadDepartmentId: 'dept-1' };
    if (e.type === 'hotline.case.returned') f = { ...f, leadDepartmentId: null };
    return applyEvent(ctx, 'case-1', clocks, e, f).map((t) => `${t.kind}:${t.clock.kind}`);
  });
  return { clocks, moves };
}

describe('clock definitions', () => {
  it('the defaults pass their own checks; the handling limit is picked by urgency, then tier', () => {
    expect(selectDefinition(defs, 'handle', facts)?.key).toBe('handle-general');
    expect(selectDefinition(defs, 'handle', { ...facts, tier: 'difficult' })?.key).toBe('handle-complex');
    expect(selectDefinition(defs, 'handle', { ...facts, tier: 'difficult', urgency: 'urgent' })?.key).toBe('handle-urgent');
    expect(selectDefinition(defs, 'handle', { ...facts, urgency: 'timely' })?.key).toBe('handle-timely');
  });
  it('refuses a zero target, an unknown event, a selector that matches nothing, contradicting triggers', () => {
    const base = DEFAULT_DEFINITIONS[6];
    const reason = (over: object) => {
      try {
        checkDefinition({ ...base, ...over });
        return 'accepted';
      } catch (e) {
        return (e as { reason: string }).reason;
      }
    };
    expect(reason({ targetAmount: 0 })).toBe('TARGET_NOT_POSITIVE');
    expect(reason({ triggers: { ...base.triggers, stopOn: ['hotline.case.vanished'] } })).toBe('UNKNOWN_EVENT');
    expect(reason({ triggers: { ...base.triggers, stopOn: ['hotline.case.urged'] } })).toBe('UNKNOWN_EVENT');
    expect(reason({ selector: { tiers: ['legendary'] } })).toBe('SELECTOR_MATCHES_NOTHING');
    expect(reason({ selector: { requestTypes: [] } })).toBe('SELECTOR_MATCHES_NOTHING');
    expect(reason({ triggers: { ...base.triggers, cancelOn: ['hotline.case.replied'] } })).toBe('CONFLICTING_TRIGGERS');
    expect(reason({ triggers: { ...base.triggers, resumeOn: [] } })).toBe('PAUSE_WITHOUT_RESUME');
    expect(reason({ warnShares: [50, 100] })).toBe('INVALID_WARN_SHARE');
    expect(reason({})).toBe('accepted');
  });
});

describe('clocks from events', () => {
  it('sign and dispatch run on natural time; a return resets the dispatch clock', () => {
    const { clocks, moves } = run([
      ev('hotline.case.received', '2026-03-02T09:00:00+08:00'),
      ev('hotline.case.signed', '2026-03-02T09:05:00+08:00'),
      ev('hotline.case.dispatched', '2026-03-02T09:20:00+08:00'),
      ev('hotline.case.returned', '2026-03-02T10:00:00+08:00'),
    ]);
    // The return resets the dispatch clock (a new 30 minutes) and cancels contact and handling.
    expect(moves).toEqual([
      'started:sign',
      'stopped:sign',
      'started:dispatch',
      'stopped:dispatch',
      'started:contact',
      'started:handle',
      'started:dispatch',
      'stopped:contact',
      'stopped:handle',
    ]);
    const dispatch = clocks.filter((c) => c.kind === 'dispatch');
    expect(dispatch.map((c) => c.outcome)).toEqual(['met', null]);
    expect(dispatch[1]).toMatchObject({ state: 'running', startedAt: at('2026-03-02T10:00:00+08:00'), dueAt: at('2026-03-02T10:30:00+08:00') });
    expect(clocks.find((c) => c.kind === 'handle')?.outcome).toBe('cancelled');
  });

  it('the general handling clock counts 7 working days across National Day, and adopts the deadline dispatch states', () => {
    const { clocks } = run([
      ev('hotline.case.received', '2026-09-30T09:00:00+08:00'),
      ev('hotline.case.signed', '2026-09-30T09:01:00+08:00'),
      ev('hotline.case.dispatched', '2026-09-30T10:00:00+08:00'),
    ]);
    const handle = clocks.find((c) => c.kind === 'handle')!;
    expect(handle.dueAt).toEqual(at('2026-10-15T10:00:00+08:00'));
    expect(clocks.find((c) => c.kind === 'contact')!.dueAt).toEqual(at('2026-10-08T10:00:00+08:00'));
    const stated = run([
      ev('hotline.case.received', '2026-09-30T09:00:00+08:00'),
      ev('hotline.case.dispatched', '2026-09-30T10:00:00+08:00', { handleDeadlineAt: '2026-10-09T10:00:00+08:00' }),
    ]);
    expect(stated.clocks.find((c) => c.kind === 'handle')!.dueAt).toEqual(at('2026-10-09T10:00:00+08:00'));
  });

  it('pause excludes the paused time: the due time moves by the working time paused', () => {
    const { clocks, moves } = run([
      ev('hotline.case.received', '2026-03-02T09:00:00+08:00'),
      ev('hotline.case.dispatched', '2026-03-02T10:00:00+08:00'),
      ev('hotline.case.extension-requested', '2026-03-03T10:00:00+08:00'),
      ev('hotline.case.extension-refused', '2026-03-05T10:00:00+08:00'),
    ]);
    expect(moves).toContain('paused:handle');
    expect(moves).toContain('resumed:handle');
    const h = clocks.find((c) => c.kind === 'handle')!;
    // 7 working days from Mon 2 Mar 10:00 = Wed 11 Mar 10:00; paused two working days → Fri 13 Mar 10:00.
    expect(h.dueAt).toEqual(at('2026-03-13T10:00:00+08:00'));
    expect(h.pausedMs).toBe(2 * 86_400_000);
    expect(h.consumedMs).toBe(86_400_000);
  });

  it('an approved extension replaces the due time; a reply stops the clock in time', () => {
    const { clocks } = run([
      ev('hotline.case.received', '2026-03-02T09:00:00+08:00'),
      ev('hotline.case.dispatched', '2026-03-02T10:00:00+08:00'),
      ev('hotline.case.extension-requested', '2026-03-03T10:00:00+08:00'),
      ev('hotline.case.extended', '2026-03-04T10:00:00+08:00', { newDeadlineAt: '2026-03-20T18:00:00+08:00' }),
      ev('hotline.case.replied', '2026-03-19T10:00:00+08:00'),
    ]);
    const h = clocks.find((c) => c.kind === 'handle')!;
    expect(h).toMatchObject({ state: 'stopped', outcome: 'met', dueAt: at('2026-03-20T18:00:00+08:00') });
  });

  it('a deadline past the loaded years blocks the clock (no guess), and it is planned once the year is loaded', () => {
    const { clocks } = run([ev('hotline.case.received', '2026-12-28T09:00:00+08:00'), ev('hotline.case.dispatched', '2026-12-28T10:00:00+08:00')]);
    const h = clocks.find((c) => c.kind === 'handle')!;
    expect(h).toMatchObject({ dueAt: null, blockedReason: 'CALENDAR_YEAR_NOT_LOADED', state: 'running' });
    expect(planAlarms(h, { warnShares: [50] }, [], cal).every((a) => a.fireAt === null)).toBe(true);
    // The administrator loads 2027 (here: a notice with 1–3 January off): the clock gets its due time.
    const with2027 = createCalendar({
      years: [2026, 2027],
      overrides: [...seedOverrides([2026]), ...['2027-01-01', '2027-01-02', '2027-01-03'].map((date) => ({ date, working: false, name: '元旦' }))],
    });
    expect(replan(h, { ...ctx, calendar: with2027 })).toBe(true);
    // 28, 29, 30, 31 Dec, then 4, 5, 6 Jan 2027 → Thu 7 Jan 10:00.
    expect(h).toMatchObject({ dueAt: at('2027-01-07T10:00:00+08:00'), blockedReason: null });
  });

  it('alarms sit at their shares of the target; paused clocks have none scheduled', () => {
    const { clocks } = run([ev('hotline.case.received', '2026-03-02T09:00:00+08:00')]);
    const sign = clocks[0];
    const plans = planAlarms(
      sign,
      { warnShares: [50, 75, 90] },
      [{ id: 's1', clockKinds: [], sharePct: 150, level: 'escalation', recipients: ['leader'], active: true }],
      cal,
    );
    expect(plans.map((p) => [p.mark, p.fireAt?.toISOString()])).toEqual([
      ['warn:50', '2026-03-02T01:07:30.000Z'],
      ['warn:75', '2026-03-02T01:11:15.000Z'],
      ['warn:90', '2026-03-02T01:13:30.000Z'],
      ['breach', '2026-03-02T01:15:00.000Z'],
      ['urge:s1', '2026-03-02T01:22:30.000Z'],
    ]);
  });

  it('并单 ends every open clock of the merged case; a repeat link changes nothing', () => {
    const base = [ev('hotline.case.received', '2026-03-02T09:00:00+08:00'), ev('hotline.case.signed', '2026-03-02T09:05:00+08:00')];
    const repeat = run([...base, ev('hotline.case.linked', '2026-03-02T09:06:00+08:00', { kind: 'repeat' })]);
    expect(repeat.clocks.find((c) => c.kind === 'dispatch')?.state).toBe('running');
    const merged = run([...base, ev('hotline.case.linked', '2026-03-02T09:06:00+08:00', { kind: 'merge' })]);
    expect(merged.clocks.map((c) => `${c.kind}:${c.outcome}`)).toEqual(['sign:met', 'dispatch:cancelled']);
    expect(merged.moves.at(-1)).toBe('stopped:dispatch');
  });

  it('a new version of a definition applies from its time on; a clock keeps the version it started under', () => {
    const v1 = defs.find((d) => d.key === 'dispatch')!;
    const edit = at('2026-03-02T09:10:00+08:00');
    const v2: ClockDef = { ...v1, id: 'dispatch-v2', version: 2, targetAmount: 45, createdAt: edit, supersededAt: null };
    const versioned: EngineContext = {
      ...ctx,
      definitionsAt: (t) => [...defs.filter((d) => d !== v1), t < edit ? v1 : v2],
      definitionById: (id) => (id === v2.id ? v2 : defs.find((d) => d.id === id)),
    };
    const clocks: ClockRecord[] = [];
    applyEvent(versioned, 'case-1', clocks, ev('hotline.case.received', '2026-03-02T09:00:00+08:00'), facts);
    applyEvent(versioned, 'case-1', clocks, ev('hotline.case.signed', '2026-03-02T09:05:00+08:00'), facts);
    applyEvent(versioned, 'case-1', clocks, ev('hotline.case.returned', '2026-03-02T09:20:00+08:00'), facts);
    const dispatch = clocks.filter((c) => c.kind === 'dispatch');
    // Started before the edit: v1, 30 minutes, kept even after the edit; the reset after it: v2, 45 minutes.
    expect(dispatch.map((c) => [c.definitionVersion, c.targetMs])).toEqual([
      [1, 30 * 60_000],
      [2, 45 * 60_000],
    ]);
  });

  it('replaying the same history gives the same clocks; a different history does not', () => {
    const history = [
      ev('hotline.case.received', '2026-03-02T09:00:00+08:00'),
      ev('hotline.case.signed', '2026-03-02T09:03:00+08:00'),
      ev('hotline.case.dispatched', '2026-03-02T09:10:00+08:00'),
      ev('hotline.case.extension-requested', '2026-03-03T11:00:00+08:00'),
      ev('hotline.case.extension-refused', '2026-03-04T15:00:00+08:00'),
      ev('hotline.case.contacted', '2026-03-04T16:00:00+08:00'),
    ];
    expect(compareClocks(run(history).clocks, run(history).clocks)).toEqual([]);
    expect(compareClocks(run(history).clocks, run(history.slice(0, 5)).clocks).length).toBeGreaterThan(0);
  });
});
