import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, type EventData, type EventEnvelope } from '@hotline/contracts';
import { insertIgnore, recordEvent, type ConsumerDefinition, type EventHandler } from '@hotline/service-kit';
import { ExtensionRequest } from '../extensions/extension-request.entity';
import { applyClassification, applyIntakeUpdate, Classification } from './classification';
import { DispatchCase } from './dispatch-case.entity';
import { mergeIntoMaster } from './merge-case';

/** dispatch's row for a case intake received (no personal data: title and a scrubbed digest). */
function receivedRow(e: EventEnvelope) {
  const d = e.data as {
    externalNo: string;
    topic: string;
    requestType: DispatchCase['requestType'];
    urgency: DispatchCase['urgency'];
    tier: DispatchCase['tier'];
    receivedAt: string;
    deadlineAt?: string;
    title: string;
    contentDigest: string;
    projectName?: string;
    street?: string;
    confidential?: boolean;
  };
  return {
    id: e.caseId!,
    externalNo: d.externalNo,
    topic: d.topic,
    requestType: d.requestType,
    urgency: d.urgency,
    tier: d.tier,
    receivedAt: new Date(d.receivedAt),
    upstreamDeadlineAt: d.deadlineAt ? new Date(d.deadlineAt) : null,
    stage: 'received' as const,
    title: d.title.slice(0, 60),
    contentDigest: d.contentDigest.slice(0, 60),
    projectName: d.projectName?.slice(0, 100) ?? null,
    street: d.street?.slice(0, 50) ?? null,
    confidential: d.confidential ?? false,
  };
}

/** A supervisor approved an extension in the current routing: that deadline stands. */
async function extensionGranted(em: EntityManager, c: DispatchCase): Promise<boolean> {
  if (!c.dispatchedAt) return false;
  return (await em.count(ExtensionRequest, { caseId: c.id, status: 'approved', requestedAt: { $gte: c.dispatchedAt } })) > 0;
}

/** Partners and the clocks learn a new handling deadline from the event, not by polling. */
async function announceDeadline(em: EntityManager, c: DispatchCase, previous: Date | null, changed: Date | null, reason: 'reclassified' | 'upstream-deadline') {
  if (!changed || !c.leadDepartmentId) return;
  await recordEvent(
    em,
    createEvent({
      type: 'hotline.case.deadline-changed',
      source: 'dispatch',
      actor: { system: 'dispatch-cases' },
      caseId: c.id,
      data: {
        externalNo: c.externalNo,
        departmentId: c.leadDepartmentId,
        reason,
        urgency: c.urgency,
        previousDeadlineAt: previous?.toISOString() ?? null,
        newDeadlineAt: changed.toISOString(),
      },
    }),
  );
}

/** Keeps dispatch's projection of cases from intake's events. */
export const caseEventsConsumer = (): ConsumerDefinition => {
  const handlers: Record<string, EventHandler> = {
    'hotline.case.received': async (e, em) => {
      // A plain insert: em.upsert would reload the row and build an entity nobody reads.
      await insertIgnore(em, DispatchCase, [receivedRow(e)]);
    },
    'hotline.case.signed': async (e, em) => {
      const c = await em.findOne(DispatchCase, { id: e.caseId! });
      if (!c) throw new Error(`case ${e.caseId} not yet known`); // received not handled yet: retry
      c.signedAt = new Date((e.data as { signedAt: string }).signedAt);
      if (c.stage === 'received') {
        c.stage = 'signed';
        c.queuedAt = c.signedAt;
      }
      await em.flush();
    },
    /** 分类调整 at intake: type, topic, urgency; a held case's deadline follows (see applyClassification). */
    'hotline.case.classified': async (e, em) => {
      const c = await em.findOne(DispatchCase, { id: e.caseId! });
      if (!c) throw new Error(`case ${e.caseId} not yet known`); // received not handled yet: retry
      const previous = c.handleDeadlineAt ?? null;
      const changed = applyClassification(c, (e.data as { after: Classification }).after, await extensionGranted(em, c));
      await em.flush();
      await announceDeadline(em, c, previous, changed, 'reclassified');
    },
    /** 导入更新: a re-import's new topic, text digests or upstream deadline (see applyIntakeUpdate). */
    'hotline.case.updated': async (e, em) => {
      const after = (e.data as EventData<'hotline.case.updated'>).after;
      if (!after || Object.keys(after).length === 0) return; // only personal data changed: nothing dispatch keeps
      const c = await em.findOne(DispatchCase, { id: e.caseId! });
      if (!c) throw new Error(`case ${e.caseId} not yet known`); // received not handled yet: retry
      const previous = c.handleDeadlineAt ?? null;
      const changed = applyIntakeUpdate(c, after, await extensionGranted(em, c));
      await em.flush();
      await announceDeadline(em, c, previous, changed, 'upstream-deadline');
    },
    /**
     * 重新办理 (二次督办): callback reopened a completed case. It goes back to its lead department as
     * the next round (科室已接收, marked with the round) with the second round's deadline; the
     * department replies again and the bureau reviews again. A stale or repeated event changes nothing.
     */
    'hotline.case.reopened': async (e, em) => {
      const c = await em.findOne(DispatchCase, { id: e.caseId! });
      if (!c) throw new Error(`case ${e.caseId} not yet known`);
      const d = e.data as { round: number; dueAt: string; reopenedAt: string };
      if (c.stage !== 'completed' || d.round <= c.round) return;
      c.stage = 'accepted';
      c.round = d.round;
      c.reopenedAt = new Date(d.reopenedAt);
      c.handleDeadlineAt = new Date(d.dueAt);
      c.lastActionAt = c.reopenedAt;
      await em.flush();
    },
    /** 并单 (kind merge) takes the case out of dispatch's queues; 重复件 (kind repeat) changes nothing here. */
    'hotline.case.linked': async (e, em) => {
      const d = e.data as { kind: string; masterCaseId: string; masterExternalNo: string };
      if (d.kind !== 'merge') return;
      await mergeIntoMaster(em, e.caseId!, { id: d.masterCaseId, externalNo: d.masterExternalNo }, new Date(e.occurredAt));
    },
  };
  return {
    name: 'dispatch-cases',
    subject: 'hotline.case.>',
    handlers,
    // One `insert … on conflict do nothing`: no inbox row or transaction needed (see the kit).
    idempotentTypes: ['hotline.case.received'],
    // A backlog (a year's import) is almost all `received`: those rows go in with one statement;
    // any other mix is declined, and the kit handles it event by event, in order.
    batchHandler: async (events, em) => {
      if (!events.every((e) => e.type === 'hotline.case.received')) return false;
      await insertIgnore(em, DispatchCase, events.map(receivedRow));
    },
  };
};
