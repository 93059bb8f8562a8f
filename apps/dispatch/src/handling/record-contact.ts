import type { EntityManager } from '@mikro-orm/postgresql';
import { CONTACT_CHANNELS, createEvent, DISPATCH_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, codedError, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { CaseCommand, loadCase, touch } from './case-access';
import { assertLead, assertStage } from './handling-rules';

export const ContactCommand = CaseCommand.extend({
  channel: z.enum(CONTACT_CHANNELS, '联系方式无效'),
  /** When the contact happened; defaults to now. */
  contactedAt: z.coerce.date('联系时间无效').optional(),
});

/** 首次联系: the lead department records when and how it first reached the citizen (响应率). */
export async function recordContact(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(ContactCommand, input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    const departmentId = assertLead(user, c, '登记联系');
    assertStage('contact', c);
    if (c.contactedAt) throw codedError(DISPATCH_ERRORS.ALREADY_CONTACTED);
    const now = new Date();
    const at = cmd.contactedAt ?? now;
    if (at.getTime() > now.getTime() + 60_000) throw codedError(DISPATCH_ERRORS.CONTACT_IN_FUTURE);
    if (c.dispatchedAt && at.getTime() < c.dispatchedAt.getTime()) throw codedError(DISPATCH_ERRORS.CONTACT_BEFORE_DISPATCH);
    c.contactedAt = at;
    c.contactChannel = cmd.channel;
    c.contactedBy = user.id;
    touch(c, user, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.contacted',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: { externalNo: c.externalNo, departmentId, contactedAt: at.toISOString(), channel: cmd.channel },
      }),
    );
    return c;
  });
}
