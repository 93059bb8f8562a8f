import type { EntityManager } from '@mikro-orm/postgresql';
import { CALLBACK_ERRORS, createEvent, scrubText } from '@hotline/contracts';
import { actorOf, AuthUser, codedError, recordEvent } from '@hotline/service-kit';
import { afterWorkingDays } from '../calendar/working-time';
import { CallbackCase } from '../cases/callback-case.entity';
import type { CallbackSettings } from '../context';
import { SecondSupervision } from './second-supervision.entity';

/** Free text in an event: personal numbers masked, whitespace collapsed, at most 200 characters. */
function eventReason(text: string): string {
  const s = scrubText(text.replace(/\s+/g, ' ').trim());
  return Array.from(s).slice(0, 200).join('');
}

/**
 * 重新办理 + 二次督办: the case goes back to its lead department as the next round, with a deadline
 * on the working calendar, and a 二次督办 record is opened for that round. `hotline.case.reopened`
 * moves dispatch (the case back in the department's inbox, marked with its round) and intake.
 */
export async function openNextRound(
  tx: EntityManager,
  user: AuthUser,
  c: CallbackCase,
  reason: string,
  trigger: 'callback' | 'supervisor',
  s: CallbackSettings,
  now: Date,
): Promise<SecondSupervision> {
  if (await tx.count(SecondSupervision, { caseId: c.id, status: 'open' })) throw codedError(CALLBACK_ERRORS.SUPERVISION_OPEN, { externalNo: c.externalNo });
  const round = c.round + 1;
  const dueAt = afterWorkingDays(now, s.secondRoundWorkingDays, s.calendar, s.hours);
  c.round = round;
  const sup = tx.create(SecondSupervision, {
    caseId: c.id,
    externalNo: c.externalNo,
    round,
    departmentId: c.leadDepartmentId ?? null,
    reason,
    trigger,
    openedAt: now,
    openedBy: user.id,
    dueAt,
    status: 'open',
  });
  await tx.flush();
  const dept = c.leadDepartmentId ? { departmentId: c.leadDepartmentId } : {};
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.case.reopened',
      source: 'callback',
      actor: actorOf(user),
      caseId: c.id,
      data: { externalNo: c.externalNo, round, ...dept, reason: eventReason(reason), trigger, dueAt: dueAt.toISOString(), reopenedAt: now.toISOString() },
    }),
  );
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.supervision.opened',
      source: 'callback',
      actor: actorOf(user),
      caseId: c.id,
      data: { externalNo: c.externalNo, supervisionId: sup.id, round, ...dept, dueAt: dueAt.toISOString(), openedAt: now.toISOString() },
    }),
  );
  return sup;
}

export async function loadCaseForRound(tx: EntityManager, caseId: string): Promise<CallbackCase> {
  const c = await tx.findOne(CallbackCase, { id: caseId });
  if (!c) throw codedError(CALLBACK_ERRORS.CASE_NOT_COMPLETED);
  return c;
}
