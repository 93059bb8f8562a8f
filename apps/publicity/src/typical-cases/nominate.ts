import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarData } from '@hotline/calendar';
import { createEvent, PUBLICITY_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { loadVisibleCase } from '../cases/case-access';
import { ItemCase } from '../cases/item-case.entity';
import { workingDaysAfter } from '../calendar/working-calendar';
import { audit } from '../items/audit';
import { assertPublicityRole } from '../items/roles';
import { TypicalCase } from './typical-case.entity';
import type { StageDays } from './typical-case-pipeline';

export const NominateCommand = z.object({
  caseId: z.string().min(1, '请选择工单'),
  title: z.string().trim().min(4, '案例标题至少 4 个字').max(100, '案例标题不能超过 100 个字'),
  reason: z.string().trim().min(4, '提名理由至少 4 个字').max(1000, '提名理由不能超过 1000 个字'),
});

/**
 * 提名典型案例: a supervisor nominates a case they can see. Drafting starts at once and is due
 * after `days.draft` working days. A case already in an open nomination is refused (CONFLICT).
 */
export async function nominateTypicalCase(em: EntityManager, cal: CalendarData, days: StageDays, user: AuthUser, input: unknown): Promise<TypicalCase> {
  assertPublicityRole(user);
  const cmd = parseInput(NominateCommand, input);
  try {
    return await em.transactional(async (tx) => nominateIn(tx, cal, days, user, cmd));
  } catch (e) {
    // Two supervisors nominating the same case at once: the partial unique index decides.
    if (e instanceof UniqueConstraintViolationException) throw alreadyNominated();
    throw e;
  }
}

const alreadyNominated = () => codedError(PUBLICITY_ERRORS.ALREADY_NOMINATED);

async function nominateIn(tx: EntityManager, cal: CalendarData, days: StageDays, user: AuthUser, cmd: z.infer<typeof NominateCommand>): Promise<TypicalCase> {
  const c = await loadVisibleCase(tx, user, cmd.caseId);
  const open = await tx.count(TypicalCase, { caseId: c.id, stage: { $nin: ['rejected'] } });
  if (open > 0) throw alreadyNominated();
  const now = new Date();
  const dueAt = workingDaysAfter(cal, now, days.draft);
  const t = tx.create(TypicalCase, {
    caseId: c.id,
    title: cmd.title,
    reason: cmd.reason,
    stage: 'drafting',
    stageDueAt: dueAt,
    nominatedBy: user.id,
    nominatedAt: now,
  });
  tx.create(ItemCase, { itemId: t.id, caseId: c.id, itemKind: 'typical-case' });
  audit(tx, user, 'typical-case', t.id, 'nominated', now, cmd.reason);
  await tx.flush();
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.publicity.nominated',
      source: 'publicity',
      actor: actorOf(user),
      caseId: c.id,
      data: { itemId: t.id, kind: 'typical-case', caseIds: [c.id], stage: 'drafting', dueAt: dueAt.toISOString() },
    }),
  );
  return t;
}
