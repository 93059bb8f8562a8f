import type { EventEnvelope } from '@hotline/contracts';
import { insertIgnore, type ConsumerDefinition, type EventHandler } from '@hotline/service-kit';
import { CaseProjection } from './case-projection.entity';

function receivedRow(e: EventEnvelope) {
  const d = e.data as { externalNo: string; title: string; topic: string; receivedAt: string };
  return {
    id: e.caseId!,
    externalNo: d.externalNo,
    title: d.title.slice(0, 60),
    topic: d.topic.slice(0, 50),
    receivedAt: new Date(d.receivedAt),
    departmentIds: [],
  };
}

async function known(em: Parameters<EventHandler>[1], id: string): Promise<CaseProjection> {
  const c = await em.findOne(CaseProjection, { id });
  if (!c) throw new Error(`case ${id} not yet known`); // received not handled yet: retried
  return c;
}

/**
 * Keeps publicity's list of cases from intake's and dispatch's events: a case exists once
 * received, and the departments that may see it follow its routing (分转 sets them, 退回 clears
 * them), as intake's scoping does.
 */
export const caseEventsConsumer = (): ConsumerDefinition => ({
  name: 'publicity-cases',
  subject: 'hotline.case.>',
  handlers: {
    'hotline.case.received': async (e, em) => {
      // A plain insert: em.upsert would reload the row and build an entity nobody reads.
      await insertIgnore(em, CaseProjection, [receivedRow(e)]);
    },
    'hotline.case.dispatched': async (e, em) => {
      const c = await known(em, e.caseId!);
      const d = e.data as { leadDepartmentId: string; assistDepartmentIds: string[] };
      c.departmentIds = [...new Set([d.leadDepartmentId, ...d.assistDepartmentIds])];
      await em.flush();
    },
    'hotline.case.returned': async (e, em) => {
      // Back to 待分转: no department holds it any more (as intake scopes it).
      const c = await known(em, e.caseId!);
      c.departmentIds = [];
      await em.flush();
    },
  },
  // One `insert … on conflict do nothing`: no inbox row or transaction needed (see the kit).
  idempotentTypes: ['hotline.case.received'],
  batchHandler: async (events, em) => {
    if (!events.every((e) => e.type === 'hotline.case.received')) return false;
    await insertIgnore(em, CaseProjection, events.map(receivedRow));
  },
});
