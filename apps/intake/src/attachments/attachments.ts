import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent } from '@hotline/contracts';
import { actorOf, AuthUser, badInput, DomainError, forbidden, notFound, recordEvent } from '@hotline/service-kit';
import { CaseAudit } from '../audit/case-audit.entity';
import { Attachment, Case } from '../cases/case.entity';
import { findCaseForUser } from '../cases/case-queries';
import { logLook } from '../personal-data/reveal-log.entity';
import { CaseAttachment } from './attachment.entity';
import type { AttachmentStore } from './attachment-store';
import { FILE_KINDS, formatSize, sanitizeFileName, sniffFileKind } from './file-type';

/** Who may upload (受理 is theirs): duty operators and administrators. */
export const UPLOAD_ROLES: readonly string[] = ['duty', 'admin'];
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
export const fileTooLarge = (maxBytes: number) => badInput('FILE_TOO_LARGE', `文件过大，单个附件不能超过 ${formatSize(maxBytes)}`, { maxBytes });

const SUPPORTED = '仅支持图片（JPG、PNG、GIF、WebP）、PDF、Word/Excel/PowerPoint 文档、音频（MP3、WAV、AMR、M4A）、MP4 视频和纯文本文件';

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
  if (!UPLOAD_ROLES.includes(user.role)) throw forbidden('FORBIDDEN', '无权上传附件');
  if (!/^[0-9a-f-]{36}$/i.test(input.caseId)) throw notFound('CASE_NOT_FOUND', '工单不存在');
  if (input.bytes.length === 0) throw badInput('EMPTY_FILE', '文件为空');
  if (input.bytes.length > limits.maxBytes) throw fileTooLarge(limits.maxBytes);
  const kindName = sniffFileKind(input.bytes);
  if (!kindName) throw badInput('UNSUPPORTED_FILE_TYPE', `不支持的文件类型：${SUPPORTED}`);
  const kind = FILE_KINDS[kindName];
  const fileName = sanitizeFileName(input.fileName, kind);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');

  return em.transactional(async (tx) => {
    const c = await tx.findOne(Case, { id: input.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!c) throw notFound('CASE_NOT_FOUND', '工单不存在');
    const count = await tx.count(CaseAttachment, { caseId: c.id });
    if (count >= limits.maxPerCase) throw badInput('TOO_MANY_ATTACHMENTS', `每件工单最多上传 ${limits.maxPerCase} 个附件`, { maxPerCase: limits.maxPerCase });

    await store.put(tx, sha256, input.bytes);
    const a = tx.create(CaseAttachment, { caseId: c.id, fileName, contentType: kind.contentType, size: input.bytes.length, sha256, createdBy: user.id });
    const entry: Attachment = { id: a.id, name: fileName, url: attachmentUrl(c.id, a.id), contentType: kind.contentType, size: a.size };
    c.attachments = [...c.attachments, entry];
    tx.create(CaseAudit, {
      caseId: c.id, kind: 'attachment-added', before: null,
      after: { attachmentId: a.id, fileName, contentType: kind.contentType, size: a.size, sha256 },
      reason: '上传附件', actorUserId: user.id, actor: user.role, at: new Date(),
    });
    await tx.flush();
    await recordEvent(tx, createEvent({
      type: 'hotline.case.attachment-added', source: 'intake', actor: actorOf(user), caseId: c.id,
      data: { externalNo: c.externalNo, attachmentId: a.id, contentType: kind.contentType, size: a.size },
    }));
    return { attachment: a, entry };
  });
}

const NOT_FOUND_MESSAGE = '附件不存在或无权查看';

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
  if (!DOWNLOAD_ROLES.includes(user.role)) throw forbidden('FORBIDDEN', '无权下载附件');
  const missing = () => notFound('NOT_FOUND', NOT_FOUND_MESSAGE);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw missing();
  return em.transactional(async (tx) => {
    let c: Case;
    try {
      c = await findCaseForUser(tx, user, caseId);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'NOT_FOUND') throw missing();
      throw e;
    }
    const attachment = await tx.findOne(CaseAttachment, { id, caseId: c.id });
    if (!attachment) throw missing();
    const bytes = await store.get(tx, attachment.sha256);
    if (!bytes) throw new Error(`attachment ${attachment.id}: bytes ${attachment.sha256} missing from the store`);
    logLook(tx, user, c, { kind: 'attachment', attachmentId: attachment.id, fields: ['attachment'], reason: `下载附件 ${attachment.fileName}` });
    await tx.flush();
    return { attachment, bytes };
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
