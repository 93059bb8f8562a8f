import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CalendarData } from '@hotline/calendar';
import { createEvent, EventEnvelope } from '@hotline/contracts';
import { insertStatementOf, recordEventsAlong, Statement } from '@hotline/service-kit';
import { CALENDAR_REVISION_SQL, CalendarStore } from '../calendar/calendar-store';
import { CaseProjection } from '../cases/case-projection.entity';
import { applyToView, CaseView, viewFromReceived } from '../cases/case-facts';
import { DEFINITIONS_REVISION_SQL, DefinitionStore } from '../definitions/definition-store';
import { LADDER_REVISION_SQL, ladderSteps } from '../urging/ladder';
import { clearAlarmsStatement, planAlarms, StepDef, syncAlarmsStatement } from './alarms';
import { applyEvent, ClockRecord, EngineContext, eventTime, Transition } from './clock-engine';
import { Clock } from './clock.entity';

export interface ClockDeps {
  calendars: CalendarStore;
  definitions: DefinitionStore;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const actor = { system: 'supervision-clocks' };

/** The clock events a transition announces (through the outbox, with the state change). */
export function transitionEvents(ts: readonly Transition[]): EventEnvelope[] {
  const out: EventEnvelope[] = [];
  for (const t of ts) {
    const c = t.clock;
    const base = { clockId: c.id, clock: c.kind };
    if (t.kind === 'started') {
      out.push(
        createEvent({
          type: 'hotline.clock.started',
          source: 'supervision',
          actor,
          caseId: c.caseId,
          data: {
            ...base,
            definitionKey: c.definitionKey,
            definitionVersion: c.definitionVersion,
            startedAt: c.startedAt.toISOString(),
            dueAt: iso(c.dueAt),
            measure: c.measure,
            ...(c.departmentId ? { departmentId: c.departmentId } : {}),
          },
        }),
      );
    } else if (t.kind === 'paused') {
      out.push(
        createEvent({
          type: 'hotline.clock.paused',
          source: 'supervision',
          actor,
          caseId: c.caseId,
          data: { ...base, pausedAt: c.pausedAt!.toISOString(), trigger: t.trigger },
        }),
      );
    } else if (t.kind === 'resumed' || t.kind === 'replanned') {
      out.push(
        createEvent({
          type: 'hotline.clock.resumed',
          source: 'supervision',
          actor,
          caseId: c.caseId,
          data: {
            ...base,
            resumedAt: (c.segmentStartedAt ?? new Date()).toISOString(),
            dueAt: iso(c.dueAt),
            pausedMs: t.kind === 'resumed' ? Math.round(t.pausedMs) : 0,
          },
        }),
      );
    } else {
      out.push(
        createEvent({
          type: 'hotline.clock.stopped',
          source: 'supervision',
          actor,
          caseId: c.caseId,
          data: { ...base, stoppedAt: c.stoppedAt!.toISOString(), dueAt: iso(c.dueAt), outcome: c.outcome!, trigger: t.trigger },
        }),
      );
    }
  }
  return out;
}

/** Writes a clock's alarms after it moved: planned while running, cleared otherwise. */
export async function rescheduleAlarms(
  em: EntityManager,
  c: ClockRecord,
  ctx: Pick<EngineContext, 'definitionById'>,
  steps: readonly StepDef[],
  cal: CalendarData,
): Promise<void> {
  const st = rescheduleStatement(c, ctx, steps, cal);
  if (st) await em.execute(st.sql, [...st.params]);
}

/** rescheduleAlarms' statement (null when a running clock has nothing to plan), to send along with another write. */
export function rescheduleStatement(
  c: ClockRecord,
  ctx: Pick<EngineContext, 'definitionById'>,
  steps: readonly StepDef[],
  cal: CalendarData,
): Statement | null {
  if (c.state !== 'running') return clearAlarmsStatement(c.id);
  const def = ctx.definitionById(c.definitionId);
  return syncAlarmsStatement(c.id, planAlarms(c, { warnShares: def?.warnShares ?? [] }, steps, cal));
}

/** The caches' revisions as a select list: each event's first statement reads them along with its writes. */
const REVISIONS_SQL = `${CALENDAR_REVISION_SQL} as cal, ${DEFINITIONS_REVISION_SQL} as defs, ${LADDER_REVISION_SQL} as ladder`;
interface Revisions {
  cal: string;
  defs: string;
  ladder: string;
}

/** The engine's context and the active 催办 steps, from the per-process caches. */
export interface ClockContext extends EngineContext {
  steps: readonly StepDef[];
}

/** `revs`: the caches' revisions when the caller has just read them (REVISIONS_SQL), else they are read here (one statement). */
export async function engineContext(em: EntityManager, deps: ClockDeps, revs?: Revisions): Promise<ClockContext> {
  revs ??= (await em.execute<Revisions[]>(`select ${REVISIONS_SQL}`))[0];
  const [calendar, defs, steps] = await Promise.all([
    deps.calendars.current(em, revs.cal),
    deps.definitions.load(em, revs.defs),
    ladderSteps.active(em, revs.ladder),
  ]);
  return { calendar, definitionsAt: defs.definitionsAt, definitionById: defs.definitionById, newId: randomUUID, steps };
}

const viewOf = (p: CaseProjection): CaseView => ({
  externalNo: p.externalNo,
  title: p.title,
  requestType: p.requestType,
  topic: p.topic,
  tier: p.tier,
  urgency: p.urgency,
  leadDepartmentId: p.leadDepartmentId ?? null,
  assistDepartmentIds: p.assistDepartmentIds,
  receivedAt: p.receivedAt,
  completedAt: p.completedAt ?? null,
  historical: p.historical,
});

const HISTORY_SQL = 'insert into sup_case_event (event_id, case_id, type, occurred_at, envelope) values (?, ?, ?, ?, ?) on conflict (event_id) do nothing';
const historyParams = (e: EventEnvelope) => [e.id, e.caseId, e.type, e.occurredAt, JSON.stringify(e)];

/** A received case's projection row; nothing when the case is known already. */
const NEW_CASE_SQL = `insert into sup_case (id, external_no, title, request_type, topic, tier, urgency, lead_department_id, assist_department_ids, received_at, completed_at, historical)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?) on conflict (id) do nothing returning id`;
const newCaseParams = (id: string, v: CaseView) => [
  id,
  v.externalNo,
  v.title,
  v.requestType,
  v.topic,
  v.tier,
  v.urgency,
  v.leadDepartmentId,
  `{${v.assistDepartmentIds.join(',')}}`,
  v.receivedAt,
  v.completedAt,
  v.historical,
];

/**
 * One case event (inside the consumer's transaction): kept in the case's history, applied to
 * supervision's view of the case, then to its clocks — whose changes, alarms and events commit
 * together.
 */
export async function applyCaseEvent(em: EntityManager, e: EventEnvelope, deps: ClockDeps): Promise<void> {
  const caseId = e.caseId;
  if (!caseId) return;
  // The first statement keeps the event in the history, reads the caches' revisions and, for a
  // received case, inserts its projection row (it runs for every case event: one round trip).
  let view: CaseView;
  let known: CaseProjection | null = null;
  let revs: Revisions;
  if (e.type === 'hotline.case.received') {
    view = viewFromReceived(e);
    const [r] = await em.execute<Array<Revisions & { added: number }>>(
      `with history as (${HISTORY_SQL}), added as (${NEW_CASE_SQL}) select (select count(*) from added)::int as added, ${REVISIONS_SQL}`,
      [...historyParams(e), ...newCaseParams(caseId, view)],
    );
    if (r.added === 0) return; // the same order received again: nothing new
    revs = r;
  } else {
    [revs] = await em.execute<Revisions[]>(`with history as (${HISTORY_SQL}) select ${REVISIONS_SQL}`, historyParams(e));
    known = await em.findOne(CaseProjection, { id: caseId });
    if (!known) throw new Error(`case ${caseId} not yet known`); // received not handled yet: retried
    view = viewOf(known);
    applyToView(view, e);
    Object.assign(known, view);
    await em.flush();
  }
  if (view.historical) return; // imported history arrived completed: no clocks

  const ctx = await engineContext(em, deps, revs);
  // A case whose row this transaction has just inserted has no clocks: they are written only
  // here, after the case's row was found, and no other transaction finds that row before this
  // one commits (another event of the case fails as "not yet known" and is retried).
  const clocks = known ? await em.find(Clock, { caseId }, { orderBy: { startedAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE }) : [];
  const records: ClockRecord[] = [...clocks];
  const at = eventTime(e.type, e.data, e.occurredAt);
  const transitions = applyEvent(ctx, caseId, records, { type: e.type, at, data: e.data }, view);
  if (transitions.length === 0) {
    await em.flush(); // a department change on an open clock
    return;
  }
  const now = new Date();
  for (const t of transitions) (t.clock as Clock).updatedAt = now;
  await em.flush(); // the existing clocks that moved: updated before a new clock of their kind goes in
  // The new clocks, every moved clock's alarms and the events: one round trip (the alarms of a new
  // clock go in with it — the foreign key is checked at the statement's end).
  const moved = [...new Set(transitions.map((t) => t.clock))];
  await recordEventsAlong(em, transitionEvents(transitions), [
    ...records.slice(clocks.length).map((r) => insertStatementOf(em, em.create(Clock, { ...r, updatedAt: now }, { persist: false }))),
    ...moved.map((c) => rescheduleStatement(c, ctx, ctx.steps, ctx.calendar)),
  ]);
}
