import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import { maskPhone, scrubText, INTAKE_ERRORS } from '@hotline/contracts';
import { AuthUser, parseInput, codedError } from '@hotline/service-kit';
import { callerKeyOf, normalizePhone } from './caller-key';
import { KeyPerson, KeyPersonAudit } from './key-person.entity';

const phone = z
  .string()
  .trim()
  .refine((v) => /^[0-9+\- ]{5,20}$/.test(v), '联系电话格式不正确');
const reason = z.string().trim().min(2, '请填写原因（至少 2 个字）').max(200, '原因最多 200 个字');
export const KeyPersonCommand = z.object({ phone, reason });

function audit(tx: EntityManager, p: KeyPerson, user: AuthUser, action: 'flag' | 'unflag', why: string, at: Date) {
  tx.create(KeyPersonAudit, { keyPersonId: p.id, action, reason: scrubText(why), actorUserId: user.id, actor: `${user.role}:${user.username}`, at });
}

/**
 * 标记重点人: a supervisor flags a caller by phone. Only the keyed hash (and a masked form) is
 * stored, the flag is audited, no event is published; the caller's next case is marked on receipt.
 */
export async function flagKeyPerson(em: EntityManager, user: AuthUser, input: unknown): Promise<KeyPerson> {
  const cmd = parseInput(KeyPersonCommand, input);
  const key = callerKeyOf(cmd.phone)!;
  return em.transactional(async (tx) => {
    const now = new Date();
    let p = await tx.findOne(KeyPerson, { callerKey: key }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (p?.active) throw codedError(INTAKE_ERRORS.ALREADY_KEY_PERSON);
    if (p) Object.assign(p, { active: true, reason: scrubText(cmd.reason), flaggedAt: now, flaggedBy: user.id, unflaggedAt: null, unflaggedBy: null });
    else
      p = tx.create(KeyPerson, {
        callerKey: key,
        phoneMasked: maskPhone(normalizePhone(cmd.phone)),
        reason: scrubText(cmd.reason),
        active: true,
        flaggedAt: now,
        flaggedBy: user.id,
      });
    await tx.flush(); // no ORM relation orders the inserts: the key person goes first (foreign key)
    audit(tx, p, user, 'flag', cmd.reason, now);
    await tx.flush();
    return p;
  });
}

/** 取消重点人: by phone, with a reason; audited. */
export async function unflagKeyPerson(em: EntityManager, user: AuthUser, input: unknown): Promise<KeyPerson> {
  const cmd = parseInput(KeyPersonCommand, input);
  const key = callerKeyOf(cmd.phone)!;
  return em.transactional(async (tx) => {
    const p = await tx.findOne(KeyPerson, { callerKey: key }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!p?.active) throw codedError(INTAKE_ERRORS.NOT_KEY_PERSON);
    const now = new Date();
    Object.assign(p, { active: false, unflaggedAt: now, unflaggedBy: user.id });
    audit(tx, p, user, 'unflag', cmd.reason, now);
    await tx.flush();
    return p;
  });
}

/** The caller keys among these that belong to an active key person (one query). */
export async function keyPersonKeys(em: EntityManager, keys: ReadonlyArray<string | null | undefined>): Promise<Set<string>> {
  const wanted = [...new Set(keys.filter((k): k is string => !!k))];
  if (!wanted.length) return new Set();
  const rows = await em.find(KeyPerson, { callerKey: { $in: wanted }, active: true }, { fields: ['callerKey'] });
  return new Set(rows.map((r) => r.callerKey));
}
