import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, AuthUser, parseInput, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { Open311Key } from './api-key.entity';
import { INTAKE_ERRORS } from '@hotline/contracts';

export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new key: 32 random bytes, prefixed so a leaked one is recognisable in logs and repositories. */
export const generateKey = () => `o311_${randomBytes(32).toString('base64url')}`;

/** The partner a key belongs to, or null for a missing, unknown or revoked key. */
export async function verifyKey(em: EntityManager, key: string | undefined): Promise<Open311Key | null> {
  if (!key || key.length > 200) return null;
  const k = await em.findOne(Open311Key, { keyHash: hashKey(key), revokedAt: null });
  if (!k) return null;
  await em.nativeUpdate(Open311Key, { id: k.id }, { lastUsedAt: new Date() });
  return k;
}

const CreateKeyCommand = z.object({ name: z.string().trim().min(2, '请填写合作方名称').max(100) });

/** Creates a key for a partner (admin); the plain key is returned this once and never stored. */
export async function createKey(
  em: EntityManager,
  user: AuthUser | { system: string },
  input: unknown,
  plain = generateKey(),
): Promise<{ key: string; record: Open311Key }> {
  const cmd = parseInput(CreateKeyCommand, input);
  const record = em.create(Open311Key, {
    name: cmd.name,
    keyHash: hashKey(plain),
    keyPrefix: plain.slice(0, 9),
    createdBy: 'system' in user ? `system:${user.system}` : user.id,
  });
  await em.flush();
  return { key: plain, record };
}

/** 停用: a revoked key is refused at once; the record stays. */
export async function revokeKey(em: EntityManager, user: AuthUser, id: string): Promise<Open311Key> {
  const k = isUuid(id) ? await em.findOne(Open311Key, { id }) : null;
  if (!k) throw codedError(INTAKE_ERRORS.KEY_NOT_FOUND);
  if (!k.revokedAt) {
    k.revokedAt = new Date();
    k.revokedBy = user.id;
    await em.flush();
  }
  return k;
}

/** The demo partner key (SEED_DEMO only): idempotent. */
export async function seedDemoKey(em: EntityManager): Promise<boolean> {
  const plain = 'demo-open311-key';
  if (await em.findOne(Open311Key, { keyHash: hashKey(plain) })) return false;
  await createKey(em, { system: 'intake-demo-seed' }, { name: '演示合作方' }, plain);
  return true;
}
