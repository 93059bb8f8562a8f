import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, INTAKE_ERRORS } from '@hotline/contracts';
import {
  AccessRule,
  isAllowed,
  isUuid,
  actorOf,
  AuthUser,
  checkUpload,
  codedError,
  DomainError,
  fileTooLarge as tooLarge,
  parseInput,
  recordEvent,
} from '@hotline/service-kit';
import { z } from 'zod';
import { CaseAudit } from '../audit/case-audit.entity';
import { Attachment, Case } from '../cases/case.entity';
import { findCaseForUser } from '../cases/case-queries';
import { logLook } from '../personal-data/reveal-log.entity';
import { CaseAttachment } from './attachment.entity';
import type { AttachmentStore } from './attachment-store';

/** Who may upload (受理 is theirs): duty operators and administrators. */
export const UPLOAD_ROLES: readonly AccessRule[] = ['duty', 'admin'];
/** Who may remove an uploaded file (撤回附件): the same roles that upload. */
export const REMOVE_ROLES: readonly string[] = UPLOAD_ROLES;
/**
 * Who may download: whoever may see the case — the bureau-wide roles any case, a handler only
 * the cases dispatched to their department (scope checked per case, NOT_FOUND outside it).
 */
export const DOWNLOAD_ROLES: readonly string[] = ['admin', 'duty', 'supervisor', 'leader', 'callback', 'handler'];

export interface AttachmentLimits {
  /** ATTACHMENT_MAX_BYTES */
  maxBytes: number;
  /** ATTACHMENT_MAX_PER_CASE */
  maxPerCase: number;
}

/** The case's download path of an uploaded file (relative to the gateway's origin). */
export const attachmentUrl = (caseId: string, id: string) => `/cases/${caseId}/attachments/${id}`;

/** The refusal for a file larger than the limit (HTTP 413). */
export const fileTooLarge = (maxBytes: number) => tooLarge(maxBytes, '附件');

/**
 * Serialises, per content, the uploads and removals that touch the same bytes (a transaction
 * advisory lock on the SHA-256): a removal that finds no other live row using them deletes them
 * only after an upload of the same bytes to another case has committed (and then sees its row),
 * or before it starts (and then that upload stores them again) — never in between, which would
 * leave the new row pointing at nothing.
 */
async function lockContent(tx: EntityManager, sha256: string): Promise<void> {
  await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`intake_attachment:${sha256}`]);
}

/**
 * 上传附件: checks the file (not empty, within the size limit, a type on the allow-list by its
 * bytes), then in ONE transaction — with the case row locked, so concurrent uploads count right —
 * stores the bytes (once per SHA-256), the metadata, the case's `attachments` entry, a case audit
 * record and the `hotline.case.attachment-added` event. Any refusal or failure writes nothing.
 */
export async function addAttachment(
  em: EntityManager,
  store: AttachmentStore,
  user: AuthUser,
  input: { caseId: string; fileName: string; bytes: Buffer },
  limits: AttachmentLimits,
): Promise<{ attachment: CaseAttachment; entry: Attachment }> {
  if (!isAllowed(user, UPLOAD_ROLES)) throw codedError(INTAKE_ERRORS.UPLOAD_FORBIDDEN);
  if (!isUuid(input.caseId)) throw codedError(INTAKE_ERRORS.CASE_MISSING);
  // Before anything reads it: not empty, within the limit, an allowed type by its bytes, an Office
  // archive checked for how far it expands, how many entries and programs inside; the name cleaned.
  const { kind, name: fileName, sha256 } = checkUpload(input.bytes, input.fileName, { maxBytes: limits.maxBytes, what: '附件' });

  return em.transactional(async (tx) => {
    const c = await tx.findOne(Case, { id: input.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!c) throw codedError(INTAKE_ERRORS.CASE_MISSING);
    // Removed files (撤回) no longer count.
    const count = await tx.count(CaseAttachment, { caseId: c.id, removedAt: null });
    if (count >= limits.maxPerCase) throw codedError(INTAKE_ERRORS.TOO_MANY_ATTACHMENTS, { max: limits.maxPerCase }, { maxPerCase: limits.maxPerCase });

    await lockContent(tx, sha256);
    await store.put(tx, sha256, input.bytes);
    const a = tx.create(CaseAttachment, { caseId: c.id, fileName, contentType: kind.contentType, size: input.bytes.length, sha256, createdBy: user.id });
    const entry: Attachment = { id: a.id, name: fileName, url: attachmentUrl(c.id, a.id), contentType: kind.contentType, size: a.size };
    c.attachments = [...c.attachments, entry];
    tx.create(CaseAudit, {
      caseId: c.id,
      kind: 'attachment-added',
      before: null,
      after: { attachmentId: a.id, fileName, contentType: kind.contentType, size: a.size, sha256 },
      reason: '上传附件',
      actorUserId: user.id,
      actor: user.role,
      at: new Date(),
    });
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.attachment-added',
        source: 'intake',
        actor: actorOf(user),
        caseId: c.id,
        data: { externalNo: c.externalNo, attachmentId: a.id, contentType: kind.contentType, size: a.size },
      }),
    );
    return { attachment: a, entry };
  });
}

/**
 * 下载附件: the bytes of an uploaded file to whoever may see its case, with the audit record
 * (查阅日志: 下载附件 <file name>) written in the same transaction as the read — no record, no
 * file. A case outside a handler's department, an unknown case and an unknown file all answer
 * the same NOT_FOUND, so existence does not leak.
 */
export async function readAttachment(
  em: EntityManager,
  store: AttachmentStore,
  user: AuthUser,
  caseId: string,
  id: string,
): Promise<{ attachment: CaseAttachment; bytes: Buffer }> {
  if (!DOWNLOAD_ROLES.includes(user.role)) throw codedError(INTAKE_ERRORS.DOWNLOAD_FORBIDDEN);
  const missing = () => codedError(INTAKE_ERRORS.ATTACHMENT_HIDDEN);
  if (!isUuid(id)) throw missing();
  return em.transactional(async (tx) => {
    let c: Case;
    try {
      c = await findCaseForUser(tx, user, caseId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw missing();
      throw e;
    }
    // A removed file (撤回) answers like one that never existed.
    const attachment = await tx.findOne(CaseAttachment, { id, caseId: c.id, removedAt: null });
    if (!attachment) throw missing();
    const bytes = await store.get(tx, attachment.sha256);
    if (!bytes) throw new Error(`attachment ${attachment.id}: bytes ${attachment.sha256} missing from the store`);
    logLook(tx, user, c, { kind: 'attachment', attachmentId: attachment.id, fields: ['attachment'], reason: `下载附件 ${attachment.fileName}` });
    await tx.flush();
    return { attachment, bytes };
  });
}

/** 撤回附件: which file of which case, and why (the reason is kept in intake only). */
export const RemoveAttachmentCommand = z.object({
  caseId: z.string().min(1),
  attachmentId: z.string().min(1, '请指定要撤回的附件'),
  reason: z.string().trim().min(4, '请填写撤回原因（至少 4 个字）').max(200, '撤回原因最多 200 个字'),
});

/**
 * 撤回附件 (remove an attachment): takes back a file uploaded by mistake (e.g. another citizen's
 * ID copy). In ONE transaction, with the case row locked: the entry leaves the case's
 * `attachments`, the metadata row is marked removed (who, when, why), the bytes are deleted from
 * the store when no other live attachment row uses the same content (personal data really goes),
 * a case audit record is written and `hotline.case.attachment-removed` is recorded — with the id
 * only, never the file name or the reason, which may name the citizen. Only uploaded files can be
 * removed: a district platform link (no id; a client can only name it by its url or name) is
 * refused with `ATTACHMENT_IS_LINK`. An unknown case or file, or one removed already, is NOT_FOUND.
 */
export async function removeAttachment(em: EntityManager, store: AttachmentStore, user: AuthUser, input: unknown): Promise<Case> {
  if (!REMOVE_ROLES.includes(user.role)) throw codedError(INTAKE_ERRORS.REMOVE_FORBIDDEN);
  const cmd = parseInput(RemoveAttachmentCommand, input);
  if (!isUuid(cmd.caseId)) throw codedError(INTAKE_ERRORS.CASE_MISSING);
  return em.transactional(async (tx) => {
    const c = await tx.findOne(Case, { id: cmd.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!c) throw codedError(INTAKE_ERRORS.CASE_MISSING);
    const attachment = isUuid(cmd.attachmentId) ? await tx.findOne(CaseAttachment, { id: cmd.attachmentId, caseId: c.id, removedAt: null }) : null;
    if (!attachment) {
      if (c.attachments.some((a) => !a.id && (a.url === cmd.attachmentId || a.name === cmd.attachmentId))) {
        throw codedError(INTAKE_ERRORS.ATTACHMENT_IS_LINK);
      }
      throw codedError(INTAKE_ERRORS.ATTACHMENT_NOT_FOUND);
    }

    const removedAt = new Date();
    attachment.removedAt = removedAt;
    attachment.removedBy = user.id;
    attachment.removeReason = cmd.reason;
    c.attachments = c.attachments.filter((a) => a.id !== attachment.id);
    await tx.flush();

    // The bytes go when this was the last live row using them (identical files are stored once).
    await lockContent(tx, attachment.sha256);
    const others = await tx.count(CaseAttachment, { sha256: attachment.sha256, removedAt: null, id: { $ne: attachment.id } });
    if (others === 0) await store.delete(tx, attachment.sha256);

    tx.create(CaseAudit, {
      caseId: c.id,
      kind: 'attachment-removed',
      before: {
        attachmentId: attachment.id,
        fileName: attachment.fileName,
        contentType: attachment.contentType,
        size: attachment.size,
        sha256: attachment.sha256,
      },
      after: { attachmentId: attachment.id, removedAt: removedAt.toISOString(), bytesDeleted: others === 0 },
      reason: cmd.reason,
      actorUserId: user.id,
      actor: user.role,
      at: removedAt,
    });
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.attachment-removed',
        source: 'intake',
        actor: actorOf(user),
        caseId: c.id,
        data: { externalNo: c.externalNo, attachmentId: attachment.id },
      }),
    );
    return c;
  });
}

/**
 * A re-import replaces the case's links (the district platform's 附件 column) but keeps the files
 * uploaded to intake: they are not the export's to remove.
 */
export function withUploadedAttachments(current: readonly Attachment[], links: readonly Attachment[]): Attachment[] {
  return [...links, ...current.filter((a) => !!a.id)];
}

/** The links part of a case's attachments (what an import compares). */
export const linkAttachments = (list: readonly Attachment[]): Attachment[] => list.filter((a) => !a.id);
