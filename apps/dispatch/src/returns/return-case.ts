import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, RETURN_REASONS } from '@hotline/contracts';
import { actorOf, AuthUser, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { AssignmentRecord } from '../dispatching/assignment-record.entity';
import { withdrawOpenWork } from '../dispatching/assign';
import { CaseCommand, loadCase, touch } from '../handling/case-access';
import { assertLead, assertStage, heldMinutes, heldSeconds } from '../handling/handling-rules';
import { eventText } from '../privacy/public-text';

export const ReturnCommand = CaseCommand.extend({
  reasonCode: z.enum(RETURN_REASONS, '退回原因无效'),
  basis: z.string().trim().min(4, '请填写退回依据（至少 4 个字），如权责清单条目').max(200, '退回依据最多 200 个字'),
});

/**
 * 退回: the lead department sends a misrouted case back to the duty queue (待分转) with a coded
 * reason and its basis. The minutes it held the case are charged to it; the 30-minute dispatch
 * clock starts again; the routing suggestion is re-run without the departments that returned it.
 * The basis is kept in full in the assignment log; the event carries it scrubbed (eventText).
 */
export async function returnCase(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(ReturnCommand, input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    const departmentId = assertLead(user, c, '退回');
    assertStage('return', c);
    const now = new Date();
    const held = heldMinutes(c.dispatchedAt ?? now, now);
    await withdrawOpenWork(tx, c.id, now, '工单已退回，申请自动撤销');
    tx.create(AssignmentRecord, {
      caseId: c.id,
      kind: 'return',
      fromDepartmentId: departmentId,
      toDepartmentId: null,
      assistDepartmentIds: [],
      heldMinutes: held,
      heldSeconds: heldSeconds(c.dispatchedAt ?? now, now),
      reasonCode: cmd.reasonCode,
      reason: cmd.basis,
      at: now,
      byUser: user.id,
      byRole: user.role,
    });
    c.stage = 'signed';
    c.leadDepartmentId = null;
    c.assistDepartmentIds = [];
    c.dispatchedAt = null;
    c.dispatchedBy = null;
    c.handleDeadlineAt = null;
    c.acceptedAt = null;
    c.acceptedBy = null;
    c.queuedAt = now;
    c.returnCount += 1;
    touch(c, user, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.returned',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: {
          externalNo: c.externalNo,
          departmentId,
          reasonCode: cmd.reasonCode,
          basis: eventText(cmd.basis, 200, c),
          heldMinutes: held,
          returnedAt: now.toISOString(),
        },
      }),
    );
    return c;
  });
}
