import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, checkUpload, FileStore, fileTooLarge as tooLarge, isUuid, codedError } from '@hotline/service-kit';
import { audit } from '../items/audit';
import { assertPublicityRole, PUBLICITY_READ_ROLES } from '../items/roles';
import { nextStage } from '../typical-cases/stages';
import { TypicalCase } from '../typical-cases/typical-case.entity';
import { Material } from './material.entity';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

export interface MaterialLimits {
  maxBytes: number;
  maxPerItem: number;
}

export const fileTooLarge = (maxBytes: number) => tooLarge(maxBytes, '材料');

/**
 * 上传材料 to a typical case being drafted: checked like intake's attachments (not empty, within
 * the size limit, a type on the allow-list by its bytes, the name cleaned). The bytes go to the
 * store first (content-addressed: an orphan is harmless), then the row and the audit record
 * commit together, with the case row locked so concurrent uploads count right.
 */
export async function addMaterial(
  em: EntityManager,
  store: FileStore,
  user: AuthUser,
  input: { itemId: string; fileName: string; bytes: Buffer },
  limits: MaterialLimits,
): Promise<Material> {
  assertPublicityRole(user);
  if (!isUuid(input.itemId)) throw codedError(PUBLICITY_ERRORS.TYPICAL_CASE_NOT_FOUND);
  const { kind, name, sha256 } = checkUpload(input.bytes, input.fileName, { maxBytes: limits.maxBytes, what: '材料' });
  // Refuse early (before storing bytes) what the transaction would refuse anyway.
  const first = await em.fork().findOne(TypicalCase, { id: input.itemId });
  if (!first) throw codedError(PUBLICITY_ERRORS.TYPICAL_CASE_NOT_FOUND);
  nextStage('draft', first.stage);
  await store.put(sha256, input.bytes);
  return em.transactional(async (tx) => {
    const t = await tx.findOne(TypicalCase, { id: input.itemId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!t) throw codedError(PUBLICITY_ERRORS.TYPICAL_CASE_NOT_FOUND);
    nextStage('draft', t.stage); // materials are added while drafting
    const count = await tx.count(Material, { itemId: t.id });
    if (count >= limits.maxPerItem) throw codedError(PUBLICITY_ERRORS.TOO_MANY_MATERIALS, { max: limits.maxPerItem }, { maxPerItem: limits.maxPerItem });
    const now = new Date();
    const m = tx.create(Material, {
      itemId: t.id,
      name,
      contentType: kind.contentType,
      size: input.bytes.length,
      sha256,
      uploadedBy: user.id,
      uploadedAt: now,
    });
    audit(tx, user, 'typical-case', t.id, 'material-added', now, name);
    await tx.flush();
    return m;
  });
}

/** 下载材料: the bytes to whoever reads the publicity screens. */
export async function readMaterial(
  em: EntityManager,
  store: FileStore,
  user: AuthUser,
  itemId: string,
  id: string,
): Promise<{ material: Material; bytes: Buffer }> {
  const nf = () => codedError(PUBLICITY_ERRORS.MATERIAL_NOT_FOUND);
  if (!(PUBLICITY_READ_ROLES as readonly string[]).includes(user.role)) throw nf();
  if (!isUuid(itemId) || !isUuid(id)) throw nf();
  const m = await em.findOne(Material, { id, itemId });
  if (!m) throw nf();
  const bytes = await store.get(m.sha256);
  if (!bytes) throw nf();
  return { material: m, bytes };
}
