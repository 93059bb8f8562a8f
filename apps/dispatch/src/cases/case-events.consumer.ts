import type { ConsumerDefinition } from '@hotline/service-kit';
import { DispatchCase } from './dispatch-case.entity';

/** Keeps dispatch's projection of cases from intake's events. */
export const caseEventsConsumer = (): ConsumerDefinition => ({
  name: 'dispatch-cases',
  subject: 'hotline.case.>',
  handlers: {
    'hotline.case.received': async (e, em) => {
      const d = e.data as {
        externalNo: string; topic: string; requestType: DispatchCase['requestType']; urgency: DispatchCase['urgency']; receivedAt: string; deadlineAt?: string;
        title: string; contentDigest: string; projectName?: string; street?: string;
      };
      await em.upsert(DispatchCase, {
        id: e.caseId!,
        externalNo: d.externalNo,
        topic: d.topic,
        requestType: d.requestType,
        urgency: d.urgency,
        receivedAt: new Date(d.receivedAt),
        upstreamDeadlineAt: d.deadlineAt ? new Date(d.deadlineAt) : null,
        stage: 'received',
        title: d.title.slice(0, 60),
        contentDigest: d.contentDigest.slice(0, 60),
        projectName: d.projectName?.slice(0, 100) ?? null,
        street: d.street?.slice(0, 50) ?? null,
      }, { onConflictAction: 'ignore' });
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
  },
});
