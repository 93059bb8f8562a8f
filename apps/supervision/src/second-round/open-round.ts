import type { EntityManager } from '@mikro-orm/postgresql';
import { addWorkingDays } from '@hotline/calendar';
import { Actor, createEvent, digest } from '@hotline/contracts';
import { recordEvent } from '@hotline/service-kit';
import type { CalendarStore } from '../calendar/calendar-store';
import type { CaseProjection } from '../cases/case-projection.entity';
import { SecondSupervision } from './second-supervision.entity';

export interface SecondRoundDeps {
  calendars: CalendarStore;
  /** 二次督办: working days the lead department has for the round. */
  workingDays: number;
}

export interface RoundRequest {
  round: number;
  /** 重办说明: scrubbed of personal data here before it is stored (500 characters) or sent (200). */
  explanation: string;
  trigger: 'callback' | 'supervisor';
  actor: Actor;
  openedBy: string | null;
}

/** The last 二次督办 of a case (null while it is in its first round). */
export function lastRound(tx: EntityManager, caseId: string): Promise<SecondSupervision | null> {
  return tx.findOne(SecondSupervision, { caseId }, { orderBy: { round: 'desc' } });
}

/** The round a case is in: 1, or the last round a 二次督办 opened. */
export const roundOf = (last: SecondSupervision | null): number => last?.round ?? 1;

/**
 * Whether the case is 办结 in its current round: completed (and not imported history, which runs
 * no rounds), and — once a round was opened — completed again after that round was opened.
 */
export const completedInRound = (c: CaseProjection, last: SecondSupervision | null): boolean =>
  !!c.completedAt && !c.historical && (!last || c.completedAt.getTime() > last.openedAt.getTime());

/**
 * 重新办理 + 二次督办 (inside the caller's transaction): the case goes back to its lead department
 * as the next round, due after the configured working days on the working calendar, and the round's
 * 二次督办 is opened. `hotline.case.reopened` moves dispatch (the case back in the department's
 * inbox, marked with its round), intake (the stage) and callback (its next task's round).
 */
export async function openRound(tx: EntityManager, c: CaseProjection, r: RoundRequest, deps: SecondRoundDeps, now: Date): Promise<SecondSupervision> {
  const dueAt = addWorkingDays(await deps.calendars.current(tx), now, deps.workingDays);
  const sup = tx.create(SecondSupervision, {
    caseId: c.id,
    externalNo: c.externalNo,
    round: r.round,
    departmentId: c.leadDepartmentId ?? null,
    reason: digest(r.explanation, 500),
    trigger: r.trigger,
    openedAt: now,
    openedBy: r.openedBy,
    dueAt,
  });
  await tx.flush();
  const dept = c.leadDepartmentId ? { departmentId: c.leadDepartmentId } : {};
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.case.reopened',
      source: 'supervision',
      actor: r.actor,
      caseId: c.id,
      data: {
        externalNo: c.externalNo,
        round: r.round,
        ...dept,
        reason: digest(r.explanation, 200),
        trigger: r.trigger,
        dueAt: dueAt.toISOString(),
        reopenedAt: now.toISOString(),
      },
    }),
  );
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.supervision.opened',
      source: 'supervision',
      actor: r.actor,
      caseId: c.id,
      data: { externalNo: c.externalNo, supervisionId: sup.id, round: r.round, ...dept, dueAt: dueAt.toISOString(), openedAt: now.toISOString() },
    }),
  );
  return sup;
}
