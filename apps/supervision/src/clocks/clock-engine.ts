import { addWorkingTime, CalendarData, CalendarError, workingDayMs, workingTimeBetween } from '@hotline/calendar';
import type { ClockKind } from '@hotline/contracts';
import type { Selector, TargetUnit, Triggers } from '../definitions/definition-rules';

/**
 * The clocks of one case as a fold over its events: plain functions, no database. The consumer
 * applies each event as it arrives; a rebuild folds the whole history again and must get the same
 * clocks (tested).
 */

export type Measure = 'natural' | 'working';
export type ClockState = 'running' | 'paused' | 'stopped';
export type ClockOutcome = 'met' | 'late' | 'cancelled' | 'reset';

/** A definition version as the engine needs it. */
export interface ClockDef {
  id: string;
  key: string;
  version: number;
  kind: ClockKind;
  name: string;
  selector: Selector;
  targetUnit: TargetUnit;
  targetAmount: number;
  triggers: Triggers;
  warnShares: number[];
  priority: number;
  /** Adopt the deadline the event states (dispatch's handling deadline, an approved extension). */
  deadlineFromEvent: boolean;
  active: boolean;
  createdAt: Date;
  supersededAt: Date | null;
}

export interface ClockRecord {
  id: string;
  caseId: string;
  kind: ClockKind;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  measure: Measure;
  /** The target in the clock's measure (ms of natural or of working time); null while the calendar is missing. */
  targetMs: number | null;
  state: ClockState;
  startedAt: Date;
  dueAt: Date | null;
  /** When the current running stretch began (null unless running). */
  segmentStartedAt: Date | null;
  /** Time used (in the measure) before the current stretch. */
  consumedMs: number;
  pausedAt: Date | null;
  /** Natural time spent paused, in total. */
  pausedMs: number;
  stoppedAt: Date | null;
  outcome: ClockOutcome | null;
  /** Why no due time could be computed (CALENDAR_YEAR_NOT_LOADED). */
  blockedReason: string | null;
  departmentId: string | null;
}

/** What the case looked like when the event arrived (for selectors). */
export interface CaseFacts {
  requestType: string;
  topic: string;
  tier: string;
  urgency: string;
  leadDepartmentId: string | null;
}

export interface CaseEventFacts {
  type: string;
  /** When it happened in the domain (signedAt, dispatchedAt, … or occurredAt). */
  at: Date;
  data: Record<string, unknown>;
}

export type Transition =
  | { kind: 'started'; clock: ClockRecord; trigger: string }
  | { kind: 'paused'; clock: ClockRecord; trigger: string }
  | { kind: 'resumed'; clock: ClockRecord; trigger: string; pausedMs: number }
  | { kind: 'stopped'; clock: ClockRecord; trigger: string }
  | { kind: 'replanned'; clock: ClockRecord; trigger: string };

export interface EngineContext {
  calendar: CalendarData;
  /** Definitions current at an instant (active or not; the engine checks). */
  definitionsAt(at: Date): ClockDef[];
  definitionById(id: string): ClockDef | undefined;
  newId(): string;
}

const H = 3_600_000;

/** The domain time of a case event: the time its data states, else when it occurred. */
export function eventTime(type: string, data: Record<string, unknown>, occurredAt: string): Date {
  const field = (
    {
      'hotline.case.received': 'receivedAt',
      'hotline.case.signed': 'signedAt',
      'hotline.case.dispatched': 'dispatchedAt',
      'hotline.case.accepted': 'acceptedAt',
      'hotline.case.returned': 'returnedAt',
      'hotline.case.contacted': 'contactedAt',
      'hotline.case.replied': 'repliedAt',
      'hotline.case.review-rejected': 'rejectedAt',
      'hotline.case.completed': 'completedAt',
    } as Record<string, string>
  )[type];
  const v = field ? data[field] : undefined;
  return new Date(typeof v === 'string' ? v : occurredAt);
}

/** The deadline an event states, for definitions that adopt it. */
export function statedDeadline(e: CaseEventFacts): Date | null {
  const v =
    e.type === 'hotline.case.dispatched'
      ? e.data.handleDeadlineAt
      : e.type === 'hotline.case.extended' || e.type === 'hotline.case.deadline-changed'
        ? e.data.newDeadlineAt
        : undefined;
  return typeof v === 'string' ? new Date(v) : null;
}

export const measureOf = (unit: TargetUnit): Measure => (unit === 'natural-minutes' ? 'natural' : 'working');

/** The target of a definition in its measure, on this calendar (a working day = the calendar's working time of a day). */
export function targetMsOf(def: Pick<ClockDef, 'targetUnit' | 'targetAmount'>, cal: CalendarData): number {
  switch (def.targetUnit) {
    case 'natural-minutes':
      return Math.round(def.targetAmount * 60_000);
    case 'working-hours':
      return Math.round(def.targetAmount * H);
    case 'working-days':
      return Math.round(def.targetAmount * workingDayMs(cal));
  }
}

export function measureBetween(cal: CalendarData, m: Measure, from: Date, to: Date): number {
  return m === 'natural' ? Math.max(0, to.getTime() - from.getTime()) : workingTimeBetween(cal, from, to);
}

export function addMeasure(cal: CalendarData, m: Measure, from: Date, ms: number): Date {
  return m === 'natural' ? new Date(from.getTime() + Math.max(0, ms)) : addWorkingTime(cal, from, Math.max(0, ms));
}

/** Time used so far, in the clock's measure. */
export function usedMs(c: ClockRecord, now: Date, cal: CalendarData): number {
  if (c.state !== 'running' || !c.segmentStartedAt) return c.consumedMs;
  return c.consumedMs + measureBetween(cal, c.measure, c.segmentStartedAt, c.stoppedAt ?? now);
}

/** Share of the target used (1 = due). Null while there is no target. */
export function shareUsed(c: ClockRecord, now: Date, cal: CalendarData): number | null {
  if (!c.targetMs) return null;
  try {
    const end = c.state === 'stopped' && c.stoppedAt ? c.stoppedAt : now;
    const used = c.state === 'running' && c.segmentStartedAt ? c.consumedMs + measureBetween(cal, c.measure, c.segmentStartedAt, end) : c.consumedMs;
    return used / c.targetMs;
  } catch (e) {
    if (e instanceof CalendarError) return null;
    throw e;
  }
}

/** When the clock reaches `share` of its target, given how it runs now (null unless running with a target). */
export function instantAtShare(c: ClockRecord, share: number, cal: CalendarData): Date | null {
  if (c.state !== 'running' || !c.segmentStartedAt || c.targetMs == null) return null;
  return addMeasure(cal, c.measure, c.segmentStartedAt, share * c.targetMs - c.consumedMs);
}

function matches(sel: Selector, f: CaseFacts): boolean {
  return (
    (!sel.requestTypes || sel.requestTypes.includes(f.requestType)) &&
    (!sel.urgencies || sel.urgencies.includes(f.urgency)) &&
    (!sel.tiers || sel.tiers.includes(f.tier)) &&
    (!sel.topics || sel.topics.includes(f.topic))
  );
}

const specificity = (s: Selector) => [s.requestTypes, s.urgencies, s.tiers, s.topics].filter(Boolean).length;

/** The definition of a kind that applies to a case: the highest priority, then the most specific, then the newest key. */
export function selectDefinition(defs: readonly ClockDef[], kind: ClockKind, f: CaseFacts): ClockDef | undefined {
  return defs
    .filter((d) => d.active && d.kind === kind && matches(d.selector, f))
    .sort((a, b) => b.priority - a.priority || specificity(b.selector) - specificity(a.selector) || a.key.localeCompare(b.key))[0];
}

/** Computes the due time (and target) of a running clock; a missing calendar year blocks it instead of guessing. */
function plan(c: ClockRecord, cal: CalendarData, def: ClockDef | undefined, deadline: Date | null, at: Date): void {
  try {
    if (deadline && def?.deadlineFromEvent) {
      c.targetMs = c.consumedMs + measureBetween(cal, c.measure, at, deadline);
      c.dueAt = deadline;
    } else {
      if (c.targetMs == null) {
        if (!def) throw new Error(`definition ${c.definitionId} not loaded`);
        c.targetMs = targetMsOf(def, cal);
      }
      c.dueAt = addMeasure(cal, c.measure, at, c.targetMs - c.consumedMs);
    }
    c.blockedReason = null;
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    c.dueAt = null;
    c.blockedReason = e.code;
  }
}

function startClock(ctx: EngineContext, caseId: string, def: ClockDef, e: CaseEventFacts, facts: CaseFacts): ClockRecord {
  const c: ClockRecord = {
    id: ctx.newId(),
    caseId,
    kind: def.kind,
    definitionId: def.id,
    definitionKey: def.key,
    definitionVersion: def.version,
    measure: measureOf(def.targetUnit),
    targetMs: null,
    state: 'running',
    startedAt: e.at,
    dueAt: null,
    segmentStartedAt: e.at,
    consumedMs: 0,
    pausedAt: null,
    pausedMs: 0,
    stoppedAt: null,
    outcome: null,
    blockedReason: null,
    departmentId: facts.leadDepartmentId,
  };
  plan(c, ctx.calendar, def, statedDeadline(e), e.at);
  return c;
}

function stopClock(c: ClockRecord, at: Date, outcome: ClockOutcome, cal: CalendarData): void {
  if (c.state === 'running' && c.segmentStartedAt) {
    try {
      c.consumedMs += measureBetween(cal, c.measure, c.segmentStartedAt, at);
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e;
    }
  }
  if (c.state === 'paused' && c.pausedAt) c.pausedMs += Math.max(0, at.getTime() - c.pausedAt.getTime());
  c.state = 'stopped';
  c.segmentStartedAt = null;
  c.pausedAt = null;
  c.stoppedAt = at;
  c.outcome = outcome === 'met' && c.dueAt && at > c.dueAt ? 'late' : outcome;
}

/**
 * Applies one case event to the case's clocks (mutating the open ones, appending new ones) and
 * says what moved. `clocks` are all the case's clocks; at most one per kind is open.
 */
export function applyEvent(ctx: EngineContext, caseId: string, clocks: ClockRecord[], e: CaseEventFacts, facts: CaseFacts): Transition[] {
  const out: Transition[] = [];
  const cal = ctx.calendar;
  const open = (kind: ClockKind) => clocks.find((c) => c.kind === kind && c.state !== 'stopped');
  // 并单: a case merged into a master is handled as the master; its own clocks end (cancelled).
  if (e.type === 'hotline.case.linked' && e.data.kind === 'merge') {
    for (const c of clocks.filter((x) => x.state !== 'stopped')) {
      stopClock(c, e.at, 'cancelled', cal);
      out.push({ kind: 'stopped', clock: c, trigger: e.type });
    }
    return out;
  }
  const current = ctx.definitionsAt(e.at);
  const kinds = new Set<ClockKind>([...current.map((d) => d.kind), ...clocks.filter((c) => c.state !== 'stopped').map((c) => c.kind)]);

  for (const kind of kinds) {
    let c = open(kind);
    // An open clock follows the triggers of the version it started under.
    const own = c ? ctx.definitionById(c.definitionId) : undefined;
    const t = own?.triggers;
    if (c && t) {
      if (t.cancelOn.includes(e.type)) {
        stopClock(c, e.at, 'cancelled', cal);
        out.push({ kind: 'stopped', clock: c, trigger: e.type });
        continue;
      }
      if (t.stopOn.includes(e.type)) {
        stopClock(c, e.at, 'met', cal);
        out.push({ kind: 'stopped', clock: c, trigger: e.type });
        continue;
      }
      if (t.resetOn.includes(e.type)) {
        stopClock(c, e.at, 'reset', cal);
        out.push({ kind: 'stopped', clock: c, trigger: e.type });
        c = undefined;
      } else if (c.state === 'running' && t.pauseOn.includes(e.type)) {
        try {
          c.consumedMs += measureBetween(cal, c.measure, c.segmentStartedAt!, e.at);
        } catch (err) {
          if (!(err instanceof CalendarError)) throw err;
        }
        c.state = 'paused';
        c.segmentStartedAt = null;
        c.pausedAt = e.at;
        out.push({ kind: 'paused', clock: c, trigger: e.type });
        continue;
      } else if (c.state === 'paused' && t.resumeOn.includes(e.type)) {
        const pausedMs = Math.max(0, e.at.getTime() - c.pausedAt!.getTime());
        c.pausedMs += pausedMs;
        c.pausedAt = null;
        c.state = 'running';
        c.segmentStartedAt = e.at;
        plan(c, cal, own, statedDeadline(e), e.at);
        out.push({ kind: 'resumed', clock: c, trigger: e.type, pausedMs });
        continue;
      } else if (c.state === 'running' && own.deadlineFromEvent && statedDeadline(e) && !t.startOn.includes(e.type)) {
        // A deadline the bureau set (an approved extension, a reclassification) replaces the clock's.
        plan(c, cal, own, statedDeadline(e), e.at);
        out.push({ kind: 'replanned', clock: c, trigger: e.type });
        continue;
      } else {
        if (e.type === 'hotline.case.dispatched' && facts.leadDepartmentId && c.departmentId !== facts.leadDepartmentId)
          c.departmentId = facts.leadDepartmentId;
        continue;
      }
    }
    if (c) continue;
    // No open clock of this kind: start one if the definition that applies now says so.
    const def = selectDefinition(current, kind, facts);
    if (def && (def.triggers.startOn.includes(e.type) || def.triggers.resetOn.includes(e.type))) {
      const n = startClock(ctx, caseId, def, e, facts);
      clocks.push(n);
      out.push({ kind: 'started', clock: n, trigger: e.type });
    }
  }
  return out;
}

/** Re-plans an open clock after the calendar changed (a year loaded): its due time from its progress on the new calendar. */
export function replan(c: ClockRecord, ctx: EngineContext): boolean {
  if (c.state !== 'running' || !c.segmentStartedAt) return false;
  const before = c.dueAt?.getTime() ?? null;
  plan(c, ctx.calendar, ctx.definitionById(c.definitionId), null, c.segmentStartedAt);
  return (c.dueAt?.getTime() ?? null) !== before;
}
