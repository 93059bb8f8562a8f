import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarData } from '@hotline/calendar';
import { createEvent, TypicalCaseStage, PUBLICITY_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, isUuid, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { ItemCase } from '../cases/item-case.entity';
import { workingDaysAfter } from '../calendar/working-calendar';
import { audit } from '../items/audit';
import { assertPublicityRole } from '../items/roles';
import { Material } from '../materials/material.entity';
import { missingMaterial, nextStage, stageDays, TypicalCaseAction } from './stages';
import { TypicalCase } from './typical-case.entity';

/** Working days per stage (config TYPICAL_*_DAYS). */
export interface StageDays {
  draft: number;
  review: number;
  submit: number;
}

const Ref = { id: z.string().min(1, '请选择典型案例'), expectedVersion: z.number().int().min(1).nullish() };
export const DraftCommand = z.object({
  ...Ref,
  text: z.string().max(20_000, '案例正文不能超过 20000 字'),
  title: z.string().trim().min(4, '案例标题至少 4 个字').max(100, '案例标题不能超过 100 个字').nullish(),
});
export const ReviewCommand = z
  .object({ ...Ref, approve: z.boolean(), note: z.string().trim().max(1000, '审核意见不能超过 1000 字').nullish() })
  .refine((c) => c.approve || (c.note ?? '').length >= 4, { message: '退回修改须填写审核意见（至少 4 个字）', path: ['note'] });
export const RejectCommand = z.object({ ...Ref, reason: z.string().trim().min(4, '未采纳原因至少 4 个字').max(1000, '未采纳原因不能超过 1000 字') });
export const ItemRef = z.object(Ref);

/** Loads a typical case for an action (NOT_FOUND when unknown; CONFLICT when the caller saw an older version). */
export async function loadTypicalCase(tx: EntityManager, id: string, expectedVersion?: number | null): Promise<TypicalCase> {
  if (!isUuid(id)) throw codedError(PUBLICITY_ERRORS.TYPICAL_CASE_NOT_FOUND);
  const t = await tx.findOne(TypicalCase, { id });
  if (!t) throw codedError(PUBLICITY_ERRORS.TYPICAL_CASE_NOT_FOUND);
  if (expectedVersion != null && expectedVersion !== t.version) throw codedError(PUBLICITY_ERRORS.TYPICAL_CASE_STALE);
  return t;
}

export const caseIdsOf = async (tx: EntityManager, itemId: string): Promise<string[]> =>
  (await tx.find(ItemCase, { itemId }, { orderBy: { caseId: 'asc' } })).map((r) => r.caseId);

/**
 * Moves a typical case to the stage `action` leads to, with the new stage's deadline, an audit
 * record and `hotline.publicity.advanced` (the 催办 ladder's feed for stage deadlines).
 */
async function advance(
  tx: EntityManager,
  cal: CalendarData,
  days: StageDays,
  user: AuthUser,
  t: TypicalCase,
  action: TypicalCaseAction,
  note: string | null,
  now: Date,
): Promise<void> {
  const from = t.stage;
  const to = nextStage(action, from);
  const d = stageDays(to, days);
  t.stage = to;
  t.stageDueAt = d == null ? null : workingDaysAfter(cal, now, d);
  audit(tx, user, 'typical-case', t.id, action, now, note);
  await tx.flush();
  if (from !== to) {
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.publicity.advanced',
        source: 'publicity',
        actor: actorOf(user),
        caseId: t.caseId,
        data: { itemId: t.id, kind: 'typical-case', caseIds: await caseIdsOf(tx, t.id), from, to, dueAt: t.stageDueAt?.toISOString() ?? null },
      }),
    );
  }
}

const refuseIncomplete = (missing: string[]) => codedError(PUBLICITY_ERRORS.MATERIAL_MISSING, { missing: missing.join('、') }, { missing });

/** 撰写: saves the draft text (and title) while drafting. */
export async function saveDraft(em: EntityManager, user: AuthUser, input: unknown): Promise<TypicalCase> {
  assertPublicityRole(user);
  const cmd = parseInput(DraftCommand, input);
  return em.transactional(async (tx) => {
    const t = await loadTypicalCase(tx, cmd.id, cmd.expectedVersion);
    nextStage('draft', t.stage);
    t.draftText = cmd.text;
    if (cmd.title) t.title = cmd.title;
    audit(tx, user, 'typical-case', t.id, 'drafted', new Date(), null);
    await tx.flush();
    return t;
  });
}

/** 提交审核: needs the text and at least one material file. */
export async function sendForReview(em: EntityManager, cal: CalendarData, days: StageDays, user: AuthUser, input: unknown): Promise<TypicalCase> {
  assertPublicityRole(user);
  const cmd = parseInput(ItemRef, input);
  return em.transactional(async (tx) => {
    const t = await loadTypicalCase(tx, cmd.id, cmd.expectedVersion);
    nextStage('sendForReview', t.stage);
    const missing = missingMaterial(t, await tx.count(Material, { itemId: t.id }));
    if (missing.length) throw refuseIncomplete(missing);
    await advance(tx, cal, days, user, t, 'sendForReview', null, new Date());
    return t;
  });
}

/** 审核: approve (待报送) or send back to drafting with a note. */
export async function reviewTypicalCase(em: EntityManager, cal: CalendarData, days: StageDays, user: AuthUser, input: unknown): Promise<TypicalCase> {
  assertPublicityRole(user);
  const cmd = parseInput(ReviewCommand, input);
  return em.transactional(async (tx) => {
    const t = await loadTypicalCase(tx, cmd.id, cmd.expectedVersion);
    t.reviewNote = cmd.note ?? null;
    await advance(tx, cal, days, user, t, cmd.approve ? 'approve' : 'sendBack', cmd.note ?? null, new Date());
    return t;
  });
}

/**
 * 报送: the approved case goes to the district. The required material is checked again (a file
 * could not have been removed, but the rule is the submission's, so it says so here too).
 */
export async function submitTypicalCase(em: EntityManager, cal: CalendarData, days: StageDays, user: AuthUser, input: unknown): Promise<TypicalCase> {
  assertPublicityRole(user);
  const cmd = parseInput(ItemRef, input);
  return em.transactional(async (tx) => {
    const t = await loadTypicalCase(tx, cmd.id, cmd.expectedVersion);
    nextStage('submit', t.stage);
    const materialCount = await tx.count(Material, { itemId: t.id });
    const missing = missingMaterial(t, materialCount);
    if (missing.length) throw refuseIncomplete(missing);
    const now = new Date();
    t.submittedAt = now;
    await advance(tx, cal, days, user, t, 'submit', null, now);
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.publicity.submitted',
        source: 'publicity',
        actor: actorOf(user),
        caseId: t.caseId,
        data: { itemId: t.id, kind: 'typical-case', caseIds: await caseIdsOf(tx, t.id), submittedAt: now.toISOString(), materialCount },
      }),
    );
    return t;
  });
}

/** 未采纳: the district refused the submitted case; the reason is kept here, not in the event. */
export async function rejectTypicalCase(em: EntityManager, cal: CalendarData, days: StageDays, user: AuthUser, input: unknown): Promise<TypicalCase> {
  assertPublicityRole(user);
  const cmd = parseInput(RejectCommand, input);
  return em.transactional(async (tx) => {
    const t = await loadTypicalCase(tx, cmd.id, cmd.expectedVersion);
    const now = new Date();
    t.refusalReason = cmd.reason;
    t.closedAt = now;
    await advance(tx, cal, days, user, t, 'reject', cmd.reason, now);
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.publicity.rejected',
        source: 'publicity',
        actor: actorOf(user),
        caseId: t.caseId,
        data: { itemId: t.id, kind: 'typical-case', caseIds: await caseIdsOf(tx, t.id), rejectedAt: now.toISOString() },
      }),
    );
    return t;
  });
}

/** Closes a submitted typical case as awarded (called by the ledger's award, in its transaction). */
export async function closeAsAwarded(tx: EntityManager, cal: CalendarData, days: StageDays, user: AuthUser, t: TypicalCase, now: Date): Promise<void> {
  t.closedAt = now;
  await advance(tx, cal, days, user, t, 'award', null, now);
}

export type { TypicalCaseStage };
