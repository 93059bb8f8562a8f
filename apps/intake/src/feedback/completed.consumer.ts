import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@hotline/contracts';
import type { ConsumerDefinition } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { FeedbackRecord } from './feedback.entity';

interface Completed {
  externalNo: string;
  departmentId: string;
  completedAt: string;
  result: string;
  replyDigest: string;
}

/**
 * 办结 → 办结反馈: a completed case owes the district platform its outcome, and so does every
 * case merged into it (并单: one reply for every linked citizen). One record per case and
 * completion; the delivery loop sends them.
 */
export async function onCompleted(e: EventEnvelope, em: EntityManager): Promise<void> {
  const d = e.data as unknown as Completed;
  const master = await em.findOne(Case, { id: e.caseId! });
  if (!master) throw new Error(`case ${e.caseId} not found for ${e.type}`); // retried, then dead-lettered
  const merged = await em.find(Case, { masterCaseId: master.id, linkKind: 'merge' });
  for (const c of [master, ...merged]) {
    // upsert writes plain data: the entity's initializers do not run, so every column is given here.
    await em.upsert(
      FeedbackRecord,
      {
        id: randomUUID(),
        state: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(),
        createdAt: new Date(),
        caseId: c.id,
        externalNo: c.externalNo,
        completionEventId: e.id,
        masterCaseId: c.id === master.id ? null : master.id,
        result: d.result,
        replySummary: d.replyDigest,
        departmentId: d.departmentId,
        receivedAt: c.receivedAt,
        completedAt: new Date(d.completedAt),
      },
      { onConflictFields: ['caseId', 'completionEventId'], onConflictAction: 'ignore' },
    );
  }
}

export const feedbackConsumer = (): ConsumerDefinition => ({
  name: 'intake-feedback',
  subject: 'hotline.case.>',
  // Consumed by type name: the contract is dispatch's.
  handlers: { 'hotline.case.completed': onCompleted },
});
