import type { EntityManager } from '@mikro-orm/postgresql';
import { withdrawOpenWork } from '../dispatching/assign';
import { DispatchCase } from './dispatch-case.entity';

/**
 * 并单 reaches dispatch (`hotline.case.linked`, kind merge): the case is handled through its master
 * from now on — intake sends the master's reply to this case's citizen too — so it must not be
 * dispatched, worked on or completed on its own (the district platform would get two outcomes).
 * - not yet dispatched (received / signed): it leaves 待分转 and its 30-minute clock stops;
 * - held by departments (dispatched / accepted / replied): it leaves their inboxes; the current
 *   routing's assist tasks are superseded and a pending extension withdrawn. The assignment itself
 *   is kept for the record, so the departments that held it still see the case and are told, when
 *   they try to act, to work on the master (CASE_MERGED);
 * - completed: nothing changes but the mark.
 * Idempotent: a case already merged keeps its first master.
 */
export async function mergeIntoMaster(em: EntityManager, caseId: string, master: { id: string; externalNo: string }, at: Date): Promise<void> {
  const c = await em.findOne(DispatchCase, { id: caseId });
  if (!c) throw new Error(`case ${caseId} not yet known`); // received not handled yet: retry
  if (c.mergedIntoCaseId) return;
  c.mergedIntoCaseId = master.id;
  c.mergedIntoExternalNo = master.externalNo.slice(0, 64);
  c.mergedAt = at;
  if (c.stage !== 'completed') await withdrawOpenWork(em, c.id, at, '工单已并单至主工单，申请自动撤销');
  await em.flush();
}
