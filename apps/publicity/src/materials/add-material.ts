import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AuthUser, badInput, FILE_KINDS, formatSize, inspectArchive, isUuid, notFound, sanitizeFileName, sniffFileKind,
} from '@hotline/service-kit';
import { audit } from '../items/audit';
import { assertPublicityRole, PUBLICITY_READ_ROLES } from '../items/roles';
import { nextStage } from '../typical-cases/stages';
import { TypicalCase } from '../typical-cases/typical-case.entity';
import type { MaterialStore } from './material-store';
import { Material } from './material.entity';

export interface MaterialLimits {
  maxBytes: number;
  maxPerItem: number;
}

export const fileTooLarge = (maxBytes: number) => badInput('FILE_TOO_LARGE', `文件过大，单个材料不能超过 ${formatSize(maxBytes)}`, { maxBytes });
const SUPPORTED = '仅支持图片（JPG、PNG、GIF、WebP）、PDF、Word/Excel/PowerPoint 文档、音频（MP3、WAV、AMR、M4A）、MP4 视频和纯文本文件';

/**
 * 上传材料 to a typical case being drafted: checked like intake's attachments (not empty, within
 * the size limit, a type on the allow-list by its bytes, the name cleaned). The bytes go to the
 * store first (content-addressed: an orphan is harmless), then the row and the audit record
 * commit together, with the case row locked so concurrent uploads count right.
 */
export async function addMaterial(em: EntityManager, store: MaterialStore, user: AuthUser, input: { itemId: string; fileName: string; bytes: Buffer }, limits: MaterialLimits): Promise<Material> {
  assertPublicityRole(user);
  if (!isUuid(input.itemId)) throw notFound('TYPICAL_CASE_NOT_FOUND', '典型案例不存在');
  if (input.bytes.length === 0) throw badInput('EMPTY_FILE', '文件为空');
  if (input.bytes.length > limits.maxBytes) throw fileTooLarge(limits.maxBytes);
  const kindName = sniffFileKind(input.bytes);
  if (!kindName) throw badInput('UNSUPPORTED_FILE_TYPE', `不支持的文件类型：${SUPPORTED}`);
  if (kindName === 'docx' || kindName === 'xlsx' || kindName === 'pptx') {
    // As for intake's attachments: how far it expands, how many entries, no program inside.
    const verdict = inspectArchive(input.bytes);
    if (!verdict.ok) throw badInput(verdict.reason, verdict.message);
  }
  const kind = FILE_KINDS[kindName];
  const name = sanitizeFileName(input.fileName, kind);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // Refuse early (before storing bytes) what the transaction would refuse anyway.
  const first = await em.fork().findOne(TypicalCase, { id: input.itemId });
  if (!first) throw notFound('TYPICAL_CASE_NOT_FOUND', '典型案例不存在');
  nextStage('draft', first.stage);
  await store.put(sha256, input.bytes);
  return em.transactional(async (tx) => {
    const t = await tx.findOne(TypicalCase, { id: input.itemId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!t) throw notFound('TYPICAL_CASE_NOT_FOUND', '典型案例不存在');
    nextStage('draft', t.stage); // materials are added while drafting
    const count = await tx.count(Material, { itemId: t.id });
    if (count >= limits.maxPerItem) throw badInput('TOO_MANY_MATERIALS', `每个典型案例最多上传 ${limits.maxPerItem} 份材料`, { maxPerItem: limits.maxPerItem });
    const now = new Date();
    const m = tx.create(Material, { itemId: t.id, name, contentType: kind.contentType, size: input.bytes.length, sha256, uploadedBy: user.id, uploadedAt: now });
    audit(tx, user, 'typical-case', t.id, 'material-added', now, name);
    await tx.flush();
    return m;
  });
}

/** 下载材料: the bytes to whoever reads the publicity screens. */
export async function readMaterial(em: EntityManager, store: MaterialStore, user: AuthUser, itemId: string, id: string): Promise<{ material: Material; bytes: Buffer }> {
  const nf = () => notFound('MATERIAL_NOT_FOUND', '材料不存在或无权查看');
  if (!(PUBLICITY_READ_ROLES as readonly string[]).includes(user.role)) throw nf();
  if (!isUuid(itemId) || !isUuid(id)) throw nf();
  const m = await em.findOne(Material, { id, itemId });
  if (!m) throw nf();
  const bytes = await store.get(m.sha256);
  if (!bytes) throw nf();
  return { material: m, bytes };
}
