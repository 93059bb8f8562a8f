import type { EntityManager } from '@mikro-orm/postgresql';
import { EVENT_LABELS, EVENT_TYPES, EventEnvelope, EventType, REPLY_RESULT_LABELS, ReplyResult } from '@hotline/contracts';
import type { ConsumerDefinition } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { stageAfter } from '../cases/case-stage';
import { TimelineEntry } from './timeline-entry.entity';

/** A short, personal-data-free line for the timeline. */
function detailOf(e: EventEnvelope): string | null {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'hotline.case.received': return `${String(d.channel)} · ${String(d.title ?? '')}`;
    case 'hotline.case.dispatched': return d.note ? String(d.note) : d.redispatch ? '重新分转' : null;
    case 'hotline.case.replied': return `${REPLY_RESULT_LABELS[d.result as ReplyResult] ?? d.result}：${String(d.replyDigest ?? '')}`;
    default: return null;
  }
}

/**
 * Every case event, from any service, becomes a timeline line; it also moves intake's view of
 * the stage and records which departments may see the case.
 */
export async function onCaseEvent(e: EventEnvelope, em: EntityManager): Promise<void> {
  if (!e.caseId) return;
  const c = await em.findOne(Case, { id: e.caseId });
  if (!c) throw new Error(`case ${e.caseId} not found for ${e.type}`); // retried, then dead-lettered
  const d = e.data as Record<string, unknown>;
  em.create(TimelineEntry, {
    id: e.id,
    caseId: e.caseId,
    type: e.type,
    label: EVENT_LABELS[e.type as EventType] ?? e.type,
    occurredAt: new Date(e.occurredAt),
    actorUserId: 'userId' in e.actor ? e.actor.userId : null,
    actorRole: 'role' in e.actor ? e.actor.role : `system:${e.actor.system}`,
    departmentId: (d.leadDepartmentId ?? d.departmentId ?? null) as string | null,
    detail: detailOf(e),
  });
  c.stage = stageAfter(c.stage, e.type);
  if (e.type === 'hotline.case.dispatched') {
    c.departmentIds = [String(d.leadDepartmentId), ...((d.assistDepartmentIds as string[]) ?? [])];
  }
  await em.flush();
}

export const caseEventsConsumer = (): ConsumerDefinition => ({
  name: 'intake-case-timeline',
  subject: 'hotline.case.>',
  // Every case event in the catalogue, whichever service publishes it, lands on the timeline.
  handlers: Object.fromEntries(EVENT_TYPES.filter((t) => t.startsWith('hotline.case.')).map((t) => [t, onCaseEvent])),
});
