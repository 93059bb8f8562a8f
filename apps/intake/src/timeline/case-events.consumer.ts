import { randomUUID } from 'node:crypto';
import { isUuid } from '@hotline/service-kit';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ANSWERED_STAGES,
  CASE_STAGES,
  EVENT_LABELS,
  EVENT_TYPES,
  EventEnvelope,
  EventType,
  eventSummary,
  stageAfter,
  stageAfterRound,
} from '@hotline/contracts';
import type { ConsumerDefinition } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { TimelineEntry } from './timeline-entry.entity';
import { formatSize, kindOfContentType } from '../attachments/file-type';
import { CaseAttachment } from '../attachments/attachment.entity';

const fileSummary = (contentType: string, size: number) => `${kindOfContentType(contentType)?.label ?? contentType} · ${formatSize(size)}`;

/**
 * A short, personal-data-free line for the timeline: the producer's own summary from the
 * catalogue, except for intake's attachment events, which read the file's kind from intake's table
 * of file types (and, for a removal, the file's record) — never its name.
 */
async function detailOf(e: EventEnvelope, caseId: string, em: EntityManager): Promise<string | null> {
  const d = e.data as Record<string, unknown>;
  if (e.type === 'hotline.case.attachment-added') return fileSummary(String(d.contentType), Number(d.size));
  if (e.type === 'hotline.case.attachment-removed') {
    const id = String(d.attachmentId);
    const a = isUuid(id) ? await em.findOne(CaseAttachment, { id, caseId }) : null;
    return a ? `${fileSummary(a.contentType, a.size)} · 已从工单删除` : '已从工单删除';
  }
  return eventSummary(e);
}

/**
 * Every case event, from any service, becomes a timeline line; it also moves intake's view of
 * the stage and records which departments may see the case.
 */
export async function onCaseEvent(e: EventEnvelope, em: EntityManager): Promise<void> {
  if (!e.caseId) return;
  if (!changesCase(e)) {
    // Only a timeline line (hotline.case.received among them): no read of the case and no lock,
    // as there is no write of it to serialize. The line goes in only if the case exists.
    const line = timelineLine(e, e.caseId, await detailOf(e, e.caseId, em));
    if (await insertLineOfExistingCase(em, line)) return;
    // Nothing went in: the line is there already (the event handled before: LINE_ONLY_TYPES run
    // without the inbox), or the case is unknown — retried, then dead-lettered.
    if ((await em.execute('select 1 from case_timeline where id = ?', [line.id])).length) return;
    throw new Error(`case ${e.caseId} not found for ${e.type}`);
  }
  // Locked: intake reads case, callback and supervision events with consumers of their own, and
  // two of them moving one case's stage at once must not overwrite each other (a round-2 待回访
  // lost under a late 办结 write). The row lock makes the second wait and read the first's stage.
  const c = await em.findOne(Case, { id: e.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!c) throw new Error(`case ${e.caseId} not found for ${e.type}`); // retried, then dead-lettered
  await applyCaseEvent(e, c, em);
  await em.flush();
}

/** Event types that set a field of the case besides its stage (see `applyCaseEvent`). */
const SETS_CASE_FIELDS: ReadonlySet<string> = new Set([
  'hotline.case.dispatched',
  'hotline.case.returned',
  'hotline.case.contacted',
  'hotline.case.replied',
  'hotline.case.completed',
]);

const roundOf = (e: EventEnvelope): number | undefined => {
  const round = (e.data as Record<string, unknown>).round;
  return typeof round === 'number' ? round : undefined;
};

/**
 * Whether `applyCaseEvent` may change intake's row of the case for this event: a field it sets, or
 * a stage it moves from any stage (asked of the lifecycle itself, with the event's round).
 */
export function changesCase(e: EventEnvelope): boolean {
  if (SETS_CASE_FIELDS.has(e.type)) return true;
  const round = roundOf(e);
  return CASE_STAGES.some((s) => stageAfterRound(s, e.type, round) !== s);
}

/**
 * Event types that only ever add a line (whatever their round) and read nothing else: their
 * handler is one statement, idempotent by itself (the line's id is the event's, `on conflict do
 * nothing`), so the kit runs such an event alone in autocommit, without the inbox row and the
 * transaction (ConsumerDefinition.idempotentTypes) — hotline.case.received among them.
 */
export const LINE_ONLY_TYPES: readonly string[] = EVENT_TYPES.filter(
  (t) =>
    t.startsWith('hotline.case.') &&
    t !== 'hotline.case.attachment-removed' && // reads the file's record for its line
    !SETS_CASE_FIELDS.has(t) &&
    [undefined, 1, 2, 3, 4, 5].every((round) => CASE_STAGES.every((s) => stageAfterRound(s, t, round) === s)),
);

/**
 * A timeline line in one statement, taken from the case's row so that it goes in only when the
 * case exists (`insert … select … from intake_case where id = ?`), once (the line's id is the
 * event's). True when it went in.
 */
async function insertLineOfExistingCase(em: EntityManager, l: TimelineLine): Promise<boolean> {
  const res = await em.execute<{ affectedRows: number }>(
    `insert into case_timeline (id, case_id, type, label, occurred_at, actor_user_id, actor_role, department_id, detail)
     select ?, id, ?, ?, ?, ?, ?, ?, ? from intake_case where id = ?
     on conflict (id) do nothing`,
    [l.id, l.type, l.label, l.occurredAt, l.actorUserId, l.actorRole, l.departmentId, l.detail, l.caseId],
    'run',
  );
  return res.affectedRows === 1;
}

type TimelineLine = Required<Pick<TimelineEntry, 'id' | 'caseId' | 'type' | 'label' | 'occurredAt' | 'actorUserId' | 'actorRole' | 'departmentId' | 'detail'>>;

/** The timeline line of an event. */
function timelineLine(e: EventEnvelope, caseId: string, detail: string | null): TimelineLine {
  const d = e.data as Record<string, unknown>;
  return {
    id: e.id,
    caseId,
    type: e.type,
    label: EVENT_LABELS[e.type as EventType] ?? e.type,
    occurredAt: new Date(e.occurredAt),
    actorUserId: 'userId' in e.actor ? e.actor.userId : null,
    // A system actor may carry an id after a colon (open311:<key id>): the timeline shows the service.
    actorRole: 'role' in e.actor ? e.actor.role : `system:${e.actor.system.split(':')[0]}`.slice(0, 32),
    departmentId: (d.leadDepartmentId ?? d.departmentId ?? null) as string | null,
    detail,
  };
}

/**
 * A backlog (a year's import) in bulk: the cases in one query, the timeline lines in one insert.
 * The same effect as `onCaseEvent` one by one, in order; a missing case fails the batch, and the
 * consumer then handles its events one at a time (that one retried, then dead-lettered).
 */
export async function onCaseEvents(events: EventEnvelope[], em: EntityManager): Promise<void> {
  const ids = [...new Set(events.map((e) => e.caseId).filter((id): id is string => !!id))];
  // Locked in one order (by id), so two consumers' batches never wait on each other crosswise.
  const locked = await em.find(Case, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
  const cases = new Map(locked.map((c) => [c.id, c]));
  for (const e of events) {
    if (!e.caseId) continue;
    const c = cases.get(e.caseId);
    if (!c) throw new Error(`case ${e.caseId} not found for ${e.type}`);
    await applyCaseEvent(e, c, em);
  }
  await em.flush();
}

/** One event's effect on the timeline and on intake's view of the case (not flushed). */
async function applyCaseEvent(e: EventEnvelope, c: Case, em: EntityManager): Promise<void> {
  const d = e.data as Record<string, unknown>;
  em.create(TimelineEntry, timelineLine(e, c.id, await detailOf(e, c.id, em)));
  c.stage = stageAfterRound(c.stage, e.type, roundOf(e));
  if (e.type === 'hotline.case.dispatched') {
    c.departmentIds = [String(d.leadDepartmentId), ...((d.assistDepartmentIds as string[]) ?? [])];
  }
  if (e.type === 'hotline.case.returned') {
    // 退回: the case goes back to the duty queue; the departments that held it no longer see it.
    c.departmentIds = [];
  }
  // The rest of the work order's times and its outcome, as the departments' events report them.
  if (e.type === 'hotline.case.contacted' && !c.firstContactAt) c.firstContactAt = new Date(String(d.contactedAt));
  if (e.type === 'hotline.case.replied' || e.type === 'hotline.case.completed') c.replyResult = String(d.result);
  if (e.type === 'hotline.case.completed') {
    c.completedAt = new Date(String(d.completedAt));
    await completeMergedCases(e, c, em);
  }
}

/**
 * 并单: a case merged into a master is answered by the master's reply (the feedback goes to every
 * merged citizen, see feedback/completed.consumer.ts), so it follows the master to 已办结 — with a
 * line on its own timeline — and Open311 reports it closed.
 */
async function completeMergedCases(e: EventEnvelope, master: Case, em: EntityManager): Promise<void> {
  const d = e.data as Record<string, unknown>;
  const merged = await em.find(Case, { masterCaseId: master.id, linkKind: 'merge' });
  for (const m of merged) {
    if (ANSWERED_STAGES.includes(m.stage)) continue;
    em.create(TimelineEntry, {
      id: randomUUID(),
      caseId: m.id,
      type: e.type,
      label: `${EVENT_LABELS['hotline.case.completed']}（随主工单）`,
      occurredAt: new Date(e.occurredAt),
      actorUserId: 'userId' in e.actor ? e.actor.userId : null,
      actorRole: 'role' in e.actor ? e.actor.role : `system:${e.actor.system.split(':')[0]}`.slice(0, 32),
      departmentId: (d.departmentId ?? null) as string | null,
      detail: `并单至主工单 ${master.externalNo}，随主工单办结`,
    });
    m.stage = stageAfter(m.stage, e.type);
    m.completedAt = new Date(String(d.completedAt));
    m.replyResult = String(d.result);
  }
}

export const caseEventsConsumer = (): ConsumerDefinition => ({
  name: 'intake-case-timeline',
  subject: 'hotline.case.>',
  // Every case event in the catalogue, whichever service publishes it, lands on the timeline.
  handlers: Object.fromEntries(EVENT_TYPES.filter((t) => t.startsWith('hotline.case.')).map((t) => [t, onCaseEvent])),
  idempotentTypes: LINE_ONLY_TYPES,
  batchHandler: onCaseEvents,
});
