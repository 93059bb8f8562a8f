import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { CalendarData } from '@hotline/calendar';
import { createEvent, PUBLICITY_KINDS, PublicityKind, PUBLICITY_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, isUuid, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { Article } from '../articles/article.entity';
import { beijingMonth } from '../calendar/working-calendar';
import { assertDepartments } from '../departments/department-check';
import { Episode } from '../episodes/episode.entity';
import { audit } from '../items/audit';
import { assertPublicityRole } from '../items/roles';
import { caseIdsOf, closeAsAwarded, loadTypicalCase, StageDays } from '../typical-cases/typical-case-pipeline';
import { LedgerEntry } from './ledger-entry.entity';

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

export const AwardCommand = z.object({
  kind: z.enum(PUBLICITY_KINDS),
  itemId: z.string().min(1, '请选择事项'),
  points: z.number().int('分值须为整数').min(1, '分值至少 1 分').max(100, '分值不能超过 100 分'),
  /** Default: the current Beijing month. */
  month: z.string().regex(MONTH_RE, '月份格式应为 YYYY-MM').nullish(),
  evidence: z.string().trim().min(4, '请填写加分依据（至少 4 个字）').max(2000, '加分依据不能超过 2000 字'),
  departmentId: z.string().nullish(),
});

/** The item being awarded, whatever its kind: its title, and whether it has reached the point where points are due. */
async function awardable(tx: EntityManager, kind: PublicityKind, itemId: string): Promise<{ title: string; caseId?: string }> {
  const missing = () => codedError(PUBLICITY_ERRORS.ITEM_NOT_FOUND);
  if (!isUuid(itemId)) throw missing();
  if (kind === 'episode') {
    const ep = await tx.findOne(Episode, { id: itemId });
    if (!ep) throw missing();
    if (ep.status !== 'aired') throw codedError(PUBLICITY_ERRORS.EPISODE_NOT_AIRED);
    return { title: ep.topic };
  }
  if (kind === 'article') {
    const a = await tx.findOne(Article, { id: itemId });
    if (!a) throw missing();
    if (a.status !== 'published') throw codedError(PUBLICITY_ERRORS.ARTICLE_NOT_PUBLISHED);
    return { title: a.title };
  }
  throw missing(); // typical cases are awarded through their own stage (closeAsAwarded)
}

/**
 * 登记加分: enters the points of an item in the month's ledger — a typical case once submitted
 * (it closes as 已加分), an episode once aired, an article once published. An item is awarded
 * once: a second award is refused with CONFLICT / ALREADY_AWARDED and changes nothing (also when
 * two supervisors press at once: the ledger's unique key decides). Announced as
 * `hotline.publicity.awarded` with the month and points, for the scoring outlook.
 */
export async function awardPoints(em: EntityManager, cal: CalendarData, days: StageDays, user: AuthUser, input: unknown): Promise<LedgerEntry> {
  assertPublicityRole(user);
  const cmd = parseInput(AwardCommand, input);
  const now = new Date();
  const month = cmd.month ?? beijingMonth(now);
  if (month > beijingMonth(now)) throw codedError(PUBLICITY_ERRORS.FUTURE_MONTH);
  try {
    return await em.transactional(async (tx) => {
      if (cmd.departmentId) await assertDepartments(tx, [cmd.departmentId]);
      if ((await tx.count(LedgerEntry, { itemKind: cmd.kind, itemId: cmd.itemId })) > 0) throw alreadyAwarded();
      let title: string;
      let caseId: string | undefined;
      if (cmd.kind === 'typical-case') {
        const t = await loadTypicalCase(tx, cmd.itemId);
        title = t.title;
        caseId = t.caseId;
        await closeAsAwarded(tx, cal, days, user, t, now); // WRONG_STAGE unless submitted
      } else {
        ({ title, caseId } = await awardable(tx, cmd.kind, cmd.itemId));
      }
      const entry = tx.create(LedgerEntry, {
        month,
        itemKind: cmd.kind,
        itemId: cmd.itemId,
        title,
        departmentId: cmd.departmentId ?? null,
        points: cmd.points,
        evidence: cmd.evidence,
        awardedBy: user.id,
        awardedByName: (user.displayName || user.username).slice(0, 100),
        awardedAt: now,
      });
      audit(tx, user, cmd.kind, cmd.itemId, 'awarded', now, `${month} ${cmd.points} 分：${cmd.evidence}`);
      await tx.flush();
      await recordEvent(
        tx,
        createEvent({
          type: 'hotline.publicity.awarded',
          source: 'publicity',
          actor: actorOf(user),
          ...(caseId ? { caseId } : {}),
          data: {
            itemId: cmd.itemId,
            kind: cmd.kind,
            caseIds: await caseIdsOf(tx, cmd.itemId),
            entryId: entry.id,
            month,
            points: cmd.points,
            departmentId: cmd.departmentId ?? null,
            awardedAt: now.toISOString(),
          },
        }),
      );
      return entry;
    });
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw alreadyAwarded();
    throw e;
  }
}

const alreadyAwarded = () => codedError(PUBLICITY_ERRORS.ALREADY_AWARDED);
