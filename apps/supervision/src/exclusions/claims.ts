import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarData } from '@hotline/calendar';
import { createEvent, scrubText, SUPERVISION_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, checkUpload, FileStore, isUuid, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { CaseProjection } from '../cases/case-projection.entity';
import { ExclusionAudit, ExclusionClaim, ExclusionEvidence, ExclusionRuleSet } from './exclusion.entities';
import { ChecklistItem, checklist, ClaimAction, ExclusionTypeRule, MONTH, monthOf, nextStatus, submissionDeadline } from './exclusion-rules';
import { ruleSetOfMonth } from './rule-sets';

const claimNotFound = () => codedError(SUPERVISION_ERRORS.CLAIM_NOT_FOUND);
const statement = z.string().max(5000, '申请说明最多 5000 个字');

export const CreateClaimCommand = z.object({
  /** The case, by id or by its external number (工单编号). */
  caseId: z.string().min(1).optional(),
  externalNo: z.string().trim().min(1).max(64).optional(),
  /** The assessment month; the current one by default. */
  month: MONTH.optional(),
  type: z.string().trim().min(1, '请选择不纳入考核类型'),
  statement: statement.default(''),
});
export const UpdateClaimCommand = z.object({
  claimId: z.string().min(1),
  type: z.string().trim().min(1, '请选择不纳入考核类型').optional(),
  statement: statement.optional(),
});
export const DecideCommand = z.object({
  claimId: z.string().min(1),
  note: z.string().trim().min(2, '请填写说明（至少 2 个字）').max(500, '说明最多 500 个字'),
});

/** An audit line (who, what, when); the detail is scrubbed free text. */
export function auditClaim(em: EntityManager, user: AuthUser, claimId: string, action: string, detail: string | null = null, at = new Date()): void {
  em.create(ExclusionAudit, { claimId, action, detail: detail ? scrubText(detail).slice(0, 200) : null, at, byUser: user.id, byRole: user.role });
}

export function typeOf(set: ExclusionRuleSet, code: string): ExclusionTypeRule {
  const t = set.types.find((x) => x.code === code);
  if (!t) throw codedError(SUPERVISION_ERRORS.UNKNOWN_EXCLUSION_TYPE, { version: set.version, type: code });
  return t;
}

/** The claim's checklist against the rule set version it was made under. */
export async function claimChecklist(em: EntityManager, claim: ExclusionClaim, set?: ExclusionRuleSet): Promise<ChecklistItem[]> {
  const rules = set ?? (await em.findOneOrFail(ExclusionRuleSet, { id: claim.ruleSetId }));
  const kinds = (await em.find(ExclusionEvidence, { claimId: claim.id })).map((e) => e.kind);
  return checklist(typeOf(rules, claim.type), claim.statement, kinds);
}

/** 新建申请 (draft) for a case and month, under the rule set in force for that month now. */
export async function createClaim(em: EntityManager, user: AuthUser, input: unknown, now = new Date()): Promise<ExclusionClaim> {
  const cmd = parseInput(CreateClaimCommand, input);
  if (!cmd.caseId && !cmd.externalNo) throw codedError(SUPERVISION_ERRORS.CASE_REQUIRED);
  if (cmd.caseId && !isUuid(cmd.caseId)) throw codedError(SUPERVISION_ERRORS.CASE_MISSING);
  const month = cmd.month ?? monthOf(now);
  if (month > monthOf(now)) throw codedError(SUPERVISION_ERRORS.MONTH_IN_FUTURE, { month });
  return em.transactional(async (tx) => {
    const c = await tx.findOne(CaseProjection, cmd.caseId ? { id: cmd.caseId } : { externalNo: cmd.externalNo! });
    if (!c) throw codedError(SUPERVISION_ERRORS.CASE_MISSING);
    const set = await ruleSetOfMonth(tx, month);
    typeOf(set, cmd.type);
    const live = await tx.findOne(ExclusionClaim, { caseId: c.id, month, status: { $in: ['draft', 'submitted', 'approved'] } });
    if (live)
      throw codedError(SUPERVISION_ERRORS.CLAIM_EXISTS, {
        month,
        status: live.status === 'draft' ? '草稿' : live.status === 'submitted' ? '已提交' : '已通过',
      });
    const claim = tx.create(ExclusionClaim, {
      caseId: c.id,
      externalNo: c.externalNo,
      month,
      ruleSetId: set.id,
      type: cmd.type,
      statement: cmd.statement,
      status: 'draft',
      createdAt: now,
      createdBy: user.id,
      updatedAt: now,
    });
    await tx.flush(); // the claim row before its audit line (a foreign key; no ORM relation orders them)
    auditClaim(tx, user, claim.id, 'created', cmd.type, now);
    await tx.flush();
    return claim;
  });
}

async function lockClaim(tx: EntityManager, claimId: string): Promise<ExclusionClaim> {
  if (!isUuid(claimId)) throw claimNotFound();
  const claim = await tx.findOne(ExclusionClaim, { id: claimId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!claim) throw claimNotFound();
  return claim;
}

/** 修改草稿: type and/or statement (the type from the claim's own rule set version). */
export async function updateClaim(em: EntityManager, user: AuthUser, input: unknown, now = new Date()): Promise<ExclusionClaim> {
  const cmd = parseInput(UpdateClaimCommand, input);
  return em.transactional(async (tx) => {
    const claim = await lockClaim(tx, cmd.claimId);
    nextStatus(claim.status, 'edit');
    if (cmd.type != null) {
      typeOf(await tx.findOneOrFail(ExclusionRuleSet, { id: claim.ruleSetId }), cmd.type);
      claim.type = cmd.type;
    }
    if (cmd.statement != null) claim.statement = cmd.statement;
    claim.updatedAt = now;
    auditClaim(tx, user, claim.id, 'updated', null, now);
    await tx.flush();
    return claim;
  });
}

const eventBase = (c: ExclusionClaim) => ({ claimId: c.id, externalNo: c.externalNo, exclusionType: c.type, ruleSetMonth: c.month });

/**
 * 提交: refused while the checklist is incomplete (CHECKLIST_INCOMPLETE, with what is missing) or
 * after the month's deadline (CLAIM_DEADLINE_PASSED); otherwise `hotline.exclusion.submitted` in the same
 * transaction.
 */
export async function submitClaim(em: EntityManager, user: AuthUser, claimId: string, cal: CalendarData, now = new Date()): Promise<ExclusionClaim> {
  return em.transactional(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    const to = nextStatus(claim.status, 'submit');
    const set = await tx.findOneOrFail(ExclusionRuleSet, { id: claim.ruleSetId });
    const type = typeOf(set, claim.type);
    const deadline = submissionDeadline(claim.month, type.deadlineWorkingDay, cal);
    if (now >= deadline) {
      throw codedError(
        SUPERVISION_ERRORS.CLAIM_DEADLINE_PASSED,
        { month: claim.month, type: type.label, deadline: deadline.toISOString(), workingDay: type.deadlineWorkingDay },
        { deadline: deadline.toISOString() },
      );
    }
    const missing = (await claimChecklist(tx, claim, set)).filter((i) => !i.done);
    if (missing.length)
      throw codedError(SUPERVISION_ERRORS.CHECKLIST_INCOMPLETE, { missing: missing.map((m) => m.label).join('、') }, { missing: missing.map((m) => m.key) });
    claim.status = to;
    claim.submittedAt = now;
    claim.updatedAt = now;
    auditClaim(tx, user, claim.id, 'submitted', null, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.exclusion.submitted',
        source: 'supervision',
        actor: actorOf(user),
        caseId: claim.caseId,
        data: { ...eventBase(claim), submittedAt: now.toISOString() },
      }),
    );
    return claim;
  });
}

/**
 * 通过 / 驳回 / 撤回: the supervisor records the district's decision on a submitted claim (with its
 * note), or withdraws a draft or a submitted claim. A decision on a submitted claim is published
 * (`hotline.exclusion.approved` / `.rejected`, withdrawn = true for a withdrawal); a draft never
 * left supervision, so withdrawing it publishes nothing.
 */
export async function decideClaim(
  em: EntityManager,
  user: AuthUser,
  action: Extract<ClaimAction, 'approve' | 'reject' | 'withdraw'>,
  input: unknown,
  now = new Date(),
): Promise<ExclusionClaim> {
  const cmd = parseInput(DecideCommand, input);
  return em.transactional(async (tx) => {
    const claim = await lockClaim(tx, cmd.claimId);
    const was = claim.status;
    claim.status = nextStatus(was, action);
    claim.decidedAt = now;
    claim.decidedBy = user.id;
    claim.decisionNote = cmd.note;
    claim.updatedAt = now;
    auditClaim(tx, user, claim.id, { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' }[action], cmd.note, now);
    await tx.flush();
    if (was === 'submitted') {
      const base = { ...eventBase(claim), decidedAt: now.toISOString() };
      const common = { source: 'supervision' as const, actor: actorOf(user), caseId: claim.caseId };
      await recordEvent(
        tx,
        action === 'approve'
          ? createEvent({ ...common, type: 'hotline.exclusion.approved', data: base })
          : createEvent({ ...common, type: 'hotline.exclusion.rejected', data: { ...base, withdrawn: action === 'withdraw' } }),
      );
    }
    return claim;
  });
}

export interface EvidenceLimits {
  maxBytes: number;
  maxPerClaim: number;
}

/** 上传佐证材料 to a draft claim, as one of the kinds its type requires; checked like intake's attachments. */
export async function addEvidence(
  em: EntityManager,
  store: FileStore,
  user: AuthUser,
  input: { claimId: string; kind: string; fileName: string; bytes: Buffer },
  limits: EvidenceLimits,
  now = new Date(),
): Promise<ExclusionEvidence> {
  if (!isUuid(input.claimId)) throw claimNotFound();
  const file = checkUpload(input.bytes, input.fileName, { maxBytes: limits.maxBytes, what: '佐证材料' });
  const check = async (tx: EntityManager, claim: ExclusionClaim) => {
    nextStatus(claim.status, 'edit');
    const type = typeOf(await tx.findOneOrFail(ExclusionRuleSet, { id: claim.ruleSetId }), claim.type);
    if (!type.requiredEvidence.some((k) => k.key === input.kind)) {
      throw codedError(SUPERVISION_ERRORS.UNKNOWN_EVIDENCE_KIND, {
        type: type.label,
        kind: input.kind || '（未指定）',
        options: type.requiredEvidence.map((k) => `${k.key}（${k.label}）`).join('、'),
      });
    }
  };
  // Refuse early (before storing bytes) what the transaction would refuse anyway.
  const first = await em.fork().findOne(ExclusionClaim, { id: input.claimId });
  if (!first) throw claimNotFound();
  await check(em.fork(), first);
  await store.put(file.sha256, input.bytes);
  return em.transactional(async (tx) => {
    const claim = await lockClaim(tx, input.claimId);
    await check(tx, claim);
    if ((await tx.count(ExclusionEvidence, { claimId: claim.id })) >= limits.maxPerClaim) {
      throw codedError(SUPERVISION_ERRORS.TOO_MANY_EVIDENCE_FILES, { max: limits.maxPerClaim }, { maxPerClaim: limits.maxPerClaim });
    }
    const ev = tx.create(ExclusionEvidence, {
      claimId: claim.id,
      kind: input.kind,
      name: file.name,
      contentType: file.kind.contentType,
      size: input.bytes.length,
      sha256: file.sha256,
      uploadedBy: user.id,
      uploadedAt: now,
    });
    claim.updatedAt = now;
    auditClaim(tx, user, claim.id, 'evidence-added', file.name, now);
    await tx.flush();
    return ev;
  });
}

/** 删除佐证材料 from a draft claim. */
export async function removeEvidence(em: EntityManager, user: AuthUser, claimId: string, evidenceId: string, now = new Date()): Promise<ExclusionClaim> {
  return em.transactional(async (tx) => {
    const claim = await lockClaim(tx, claimId);
    nextStatus(claim.status, 'edit');
    const ev = isUuid(evidenceId) ? await tx.findOne(ExclusionEvidence, { id: evidenceId, claimId: claim.id }) : null;
    if (!ev) throw codedError(SUPERVISION_ERRORS.EVIDENCE_NOT_FOUND);
    tx.remove(ev);
    claim.updatedAt = now;
    auditClaim(tx, user, claim.id, 'evidence-removed', ev.name, now);
    await tx.flush();
    return claim;
  });
}
