import { isUuid } from '@hotline/service-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CLOCK_KIND_LABELS, ClockKind, URGE_LEVEL_LABELS, URGE_RECIPIENT_LABELS, UrgeLevel, UrgeRecipient, REQUEST_TYPE_LABELS, TIER_LABELS, URGENCY_LABELS, Urgency, Channel, CHANNEL_LABELS, EVENT_LABELS, EVENT_TYPES, EventEnvelope, EventType, LINK_KIND_LABELS, LinkKind, REPLY_RESULT_LABELS, ReplyResult } from '@hotline/contracts';
import type { ConsumerDefinition } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { stageAfter } from '../cases/case-stage';
import { TimelineEntry } from './timeline-entry.entity';
import { formatSize, kindOfContentType } from '../attachments/file-type';
import { CaseAttachment } from '../attachments/attachment.entity';

const fileSummary = (contentType: string, size: number) => `${kindOfContentType(contentType)?.label ?? contentType} · ${formatSize(size)}`;

/** Codes of a classification, as a bureau employee reads them. */
const CLASSIFICATION_LABELS: Record<string, Record<string, string>> = { requestType: REQUEST_TYPE_LABELS, tier: TIER_LABELS, urgency: URGENCY_LABELS };

/** 催办: level, to whom, about which clock, and the supervisor's note (numbers already scrubbed by supervision). */
function urgeLine(d: Record<string, unknown>): string {
  const to = ((d.recipients as string[]) ?? []).map((r) => URGE_RECIPIENT_LABELS[r as UrgeRecipient] ?? r).join('、');
  const clock = d.clock ? `（${CLOCK_KIND_LABELS[d.clock as ClockKind] ?? String(d.clock)}）` : '';
  return `${URGE_LEVEL_LABELS[d.level as UrgeLevel] ?? String(d.level)}${clock} → ${to}${d.note ? `：${String(d.note)}` : ''}`;
}

/** A short, personal-data-free line for the timeline. */
function detailOf(e: EventEnvelope): string | null {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'hotline.case.received': return `${CHANNEL_LABELS[d.channel as Channel] ?? String(d.channel)} · ${String(d.title ?? '')}`;
    case 'hotline.case.dispatched': return d.note ? String(d.note) : d.redispatch ? '重新分转' : null;
    case 'hotline.case.replied': return `${REPLY_RESULT_LABELS[d.result as ReplyResult] ?? d.result}：${String(d.replyDigest ?? '')}`;
    case 'hotline.case.classified': {
      const [b, a] = [d.before as Record<string, string> | null, d.after as Record<string, string>];
      const label = (k: string, v: string) => (CLASSIFICATION_LABELS[k]?.[v] ?? v);
      const changes = ['requestType', 'topic', 'tier', 'urgency'].filter((k) => b && b[k] !== a[k]).map((k) => `${label(k, b![k])}→${label(k, a[k])}`);
      return `${changes.join('，')}：${String(d.reason)}`;
    }
    case 'hotline.case.linked': return `${LINK_KIND_LABELS[d.kind as LinkKind] ?? d.kind} → ${String(d.masterExternalNo)}（相似度 ${String(d.score)}）`;
    case 'hotline.case.updated': return `更新字段：${(d.fields as string[]).join('、')}`;
    // 上传附件: the type and size only — the file name may carry a citizen's name.
    case 'hotline.case.attachment-added': return fileSummary(String(d.contentType), Number(d.size));
    case 'hotline.case.deadline-changed': return `紧急程度调整为「${URGENCY_LABELS[d.urgency as Urgency] ?? String(d.urgency)}」，办理时限按派单时间重新计算`;
    case 'hotline.case.urged': return urgeLine(d);
    case 'hotline.case.feedback-delivered': return `${d.channel === 'export' ? '已导出待上传' : '已回传区平台'}（第 ${String(d.attempts)} 次）`;
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
  await applyCaseEvent(e, c, em);
  await em.flush();
}

/**
 * A backlog (a year's import) in bulk: the cases in one query, the timeline lines in one insert.
 * The same effect as `onCaseEvent` one by one, in order; a missing case fails the batch, and the
 * consumer then handles its events one at a time (that one retried, then dead-lettered).
 */
export async function onCaseEvents(events: EventEnvelope[], em: EntityManager): Promise<void> {
  const ids = [...new Set(events.map((e) => e.caseId).filter((id): id is string => !!id))];
  const cases = new Map((await em.find(Case, { id: { $in: ids } })).map((c) => [c.id, c]));
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
  let detail = detailOf(e);
  if (e.type === 'hotline.case.attachment-removed') {
    // 撤回附件: which file, by the type and size intake kept — never its name nor the reason.
    const id = String(d.attachmentId);
    const a = isUuid(id) ? await em.findOne(CaseAttachment, { id, caseId: c.id }) : null;
    detail = a ? `${fileSummary(a.contentType, a.size)} · 已从工单删除` : '已从工单删除';
  }
  em.create(TimelineEntry, {
    id: e.id,
    caseId: c.id,
    type: e.type,
    label: EVENT_LABELS[e.type as EventType] ?? e.type,
    occurredAt: new Date(e.occurredAt),
    actorUserId: 'userId' in e.actor ? e.actor.userId : null,
    // A system actor may carry an id after a colon (open311:<key id>): the timeline shows the service.
    actorRole: 'role' in e.actor ? e.actor.role : `system:${e.actor.system.split(':')[0]}`.slice(0, 32),
    departmentId: (d.leadDepartmentId ?? d.departmentId ?? null) as string | null,
    detail,
  });
  c.stage = stageAfter(c.stage, e.type);
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
  if (e.type === 'hotline.case.completed') c.completedAt = new Date(String(d.completedAt));
}

export const caseEventsConsumer = (): ConsumerDefinition => ({
  name: 'intake-case-timeline',
  subject: 'hotline.case.>',
  // Every case event in the catalogue, whichever service publishes it, lands on the timeline.
  handlers: Object.fromEntries(EVENT_TYPES.filter((t) => t.startsWith('hotline.case.')).map((t) => [t, onCaseEvent])),
  batchHandler: onCaseEvents,
});
