import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CLOCK_KINDS, createEvent, scrubText, SUPERVISION_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, isUuid, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { CaseProjection } from '../cases/case-projection.entity';
import { Clock } from '../clocks/clock.entity';
import { Urge } from './urge.entity';

export const UrgeCommand = z.object({
  caseId: z.string().min(1),
  note: z.string().trim().min(2, '催办说明至少 2 个字').max(200, '催办说明最多 200 个字'),
  /** The clock it is about (optional): its open clock of that kind. */
  clockKind: z.enum(CLOCK_KINDS, '时钟类型无效').optional(),
});

/** 人工催办: a supervisor urges the lead department of a case, with a note; on the timeline through `hotline.case.urged`. */
export async function urgeCase(em: EntityManager, user: AuthUser, input: unknown): Promise<Urge> {
  const cmd = parseInput(UrgeCommand, input);
  if (!isUuid(cmd.caseId)) throw codedError(SUPERVISION_ERRORS.CASE_MISSING);
  return em.transactional(async (tx) => {
    const c = await tx.findOne(CaseProjection, { id: cmd.caseId });
    if (!c) throw codedError(SUPERVISION_ERRORS.CASE_MISSING);
    const lead = c.leadDepartmentId;
    if (!lead) throw codedError(SUPERVISION_ERRORS.NO_LEAD_DEPARTMENT);
    if (c.completedAt) throw codedError(SUPERVISION_ERRORS.CASE_COMPLETED);
    const clock = cmd.clockKind ? await tx.findOne(Clock, { caseId: c.id, kind: cmd.clockKind, state: { $ne: 'stopped' } }) : null;
    if (cmd.clockKind && !clock) throw codedError(SUPERVISION_ERRORS.NO_OPEN_CLOCK);
    return recordManualUrge(tx, user, c, lead, clock, cmd.note);
  });
}

/** One manual 催办 of a case's lead department, with its event (inside the caller's transaction). */
export async function recordManualUrge(
  tx: EntityManager,
  user: AuthUser,
  c: CaseProjection,
  departmentId: string,
  clock: Clock | null,
  note: string,
): Promise<Urge> {
  const now = new Date();
  const u = tx.create(Urge, {
    id: randomUUID(),
    caseId: c.id,
    clockId: clock?.id ?? null,
    kind: clock?.kind ?? null,
    level: 'manual',
    recipients: ['department'],
    departmentId,
    stepId: null,
    note,
    at: now,
    byUser: user.id,
    byRole: user.role,
  });
  await tx.flush();
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.case.urged',
      source: 'supervision',
      actor: actorOf(user),
      caseId: c.id,
      data: {
        externalNo: c.externalNo,
        urgeId: u.id,
        level: 'manual',
        recipients: ['department'],
        departmentId,
        ...(clock ? { clock: clock.kind, clockId: clock.id, dueAt: clock.dueAt?.toISOString() ?? null } : {}),
        note: scrubText(note).slice(0, 200),
      },
    }),
  );
  return u;
}
