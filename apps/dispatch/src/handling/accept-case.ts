import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent } from '@hotline/contracts';
import { actorOf, AuthUser, parseInput, recordEvent } from '@hotline/service-kit';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { CaseCommand, loadCase, touch } from './case-access';
import { assertLead, assertStage } from './handling-rules';

/** 接收: the lead department takes a dispatched case. */
export async function acceptCase(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(CaseCommand, input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    const departmentId = assertLead(user, c, '接收');
    assertStage('accept', c);
    const now = new Date();
    c.stage = 'accepted';
    c.acceptedAt = now;
    c.acceptedBy = user.id;
    touch(c, user, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.accepted',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: { externalNo: c.externalNo, departmentId, acceptedAt: now.toISOString() },
      }),
    );
    return c;
  });
}
