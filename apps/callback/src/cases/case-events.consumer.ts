import type { EventEnvelope } from '@hotline/contracts';
import { insertIgnore, type ConsumerDefinition, type EventHandler } from '@hotline/service-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CallbackSettings } from '../context';
import { CallbackTask } from '../tasks/callback-task.entity';
import { createTaskForRound } from '../tasks/create-task';
import { CallbackCase } from './callback-case.entity';

async function known(em: EntityManager, e: EventEnvelope): Promise<CallbackCase> {
  const c = await em.findOne(CallbackCase, { id: e.caseId! });
  if (!c) throw new Error(`case ${e.caseId} not yet known`); // received not handled yet: retry
  return c;
}

const date = (s: unknown) => (typeof s === 'string' ? new Date(s) : null);

/**
 * Keeps callback's projection of cases (what the three rates are measured on) and opens a 回访
 * task for each 办结 — one per case and round.
 */
export const caseEventsConsumer = (settings: CallbackSettings): ConsumerDefinition => {
  const handlers: Record<string, EventHandler> = {
    'hotline.case.received': async (e, em) => {
      const d = e.data as { externalNo: string; topic: string; receivedAt: string };
      // A plain insert: em.upsert would reload the row and build an entity nobody reads.
      await insertIgnore(em, CallbackCase, [
        { id: e.caseId!, externalNo: d.externalNo, topic: d.topic.slice(0, 50), receivedAt: new Date(d.receivedAt), round: 1, version: 1 },
      ]);
    },
    'hotline.case.classified': async (e, em) => {
      const c = await known(em, e);
      c.topic = (e.data as { after: { topic: string } }).after.topic.slice(0, 50);
      await em.flush();
    },
    'hotline.case.dispatched': async (e, em) => {
      const c = await known(em, e);
      const d = e.data as { leadDepartmentId: string; dispatchedAt: string; handleDeadlineAt?: string };
      c.leadDepartmentId = d.leadDepartmentId;
      c.dispatchedAt = new Date(d.dispatchedAt);
      c.handleDeadlineAt = date(d.handleDeadlineAt);
      await em.flush();
    },
    'hotline.case.contacted': async (e, em) => {
      const c = await known(em, e);
      c.contactedAt ??= new Date((e.data as { contactedAt: string }).contactedAt);
      await em.flush();
    },
    'hotline.case.extended': async (e, em) => {
      const c = await known(em, e);
      c.handleDeadlineAt = new Date((e.data as { newDeadlineAt: string }).newDeadlineAt);
      await em.flush();
    },
    'hotline.case.deadline-changed': async (e, em) => {
      const c = await known(em, e);
      c.handleDeadlineAt = new Date((e.data as { newDeadlineAt: string }).newDeadlineAt);
      await em.flush();
    },
    /** 办结 → 待回访: the task of the case's current round. */
    'hotline.case.completed': async (e, em) => {
      const c = await known(em, e);
      const d = e.data as { completedAt: string; departmentId: string };
      const completedAt = new Date(d.completedAt);
      c.firstCompletedAt ??= completedAt;
      c.lastCompletedAt = completedAt;
      await em.flush();
      await createTaskForRound(em, c, completedAt, d.departmentId ?? c.leadDepartmentId ?? null, settings);
    },
    /**
     * 重新办理 (supervision opened 二次督办): the case is in its next round, and its next 办结 opens that
     * round's task. A task of an earlier round still open (a supervisor reopened the case before its
     * callback) no longer matters: cancelled.
     */
    'hotline.case.reopened': async (e, em) => {
      const c = await known(em, e);
      const round = (e.data as { round: number }).round;
      if (round <= c.round) return; // seen already
      c.round = round;
      const open = await em.find(CallbackTask, { caseId: c.id, round: { $lt: round }, status: 'open' });
      const at = new Date((e.data as { reopenedAt: string }).reopenedAt);
      for (const t of open) {
        t.status = 'cancelled';
        t.closedAt = at;
        t.nextAttemptAt = null;
      }
      await em.flush();
    },
  };
  return {
    name: 'callback-cases',
    subject: 'hotline.case.>',
    handlers,
    // One `insert … on conflict do nothing`: no inbox row or transaction needed (see the kit).
    idempotentTypes: ['hotline.case.received'],
  };
};
