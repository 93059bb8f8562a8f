import type { EntityManager } from '@mikro-orm/postgresql';
import { PERSONAL_DATA_FIELDS } from '@hotline/contracts';
import { AuthUser, parseInput, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { findCaseForUser } from '../cases/case-queries';
import { logLook, RevealLogEntry } from './reveal-log.entity';
import type { CallbackTaskCheck } from './callback-task-check';
import { revealDecision, RevealSubject } from './reveal-policy';

const pick = (c: RevealSubject): RevealSubject => ({ confidential: c.confidential, anonymous: c.anonymous, stage: c.stage, departmentIds: c.departmentIds });

export const RevealCommand = z.object({
  caseId: z.string().min(1),
  reason: z.string().trim().min(4, '请填写查看原因（至少 4 个字）').max(200, '查看原因最多 200 个字'),
});

export interface RevealedCitizen {
  name: string;
  phone: string;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * 查看来电人完整信息: returns the unmasked name, phone and address to a role that needs them,
 * and writes the audit record in the same transaction — no record, no data.
 */
export async function revealCitizen(em: EntityManager, user: AuthUser, input: unknown, callbackTasks?: CallbackTaskCheck): Promise<RevealedCitizen> {
  const cmd = parseInput(RevealCommand, input);
  // A 回访员 must hold the case's open callback task: asked of callback before the transaction
  // (no network call while holding a connection); unknown when callback cannot answer → refused.
  const holdsCallbackTask = user.role === 'callback' && callbackTasks ? await callbackTasks(cmd.caseId, user.id) : false;
  return em.transactional(async (tx) => {
    const c = await findCaseForUser(tx, user, cmd.caseId);
    const decision = revealDecision(user.role, { ...pick(c), holdsCallbackTask });
    if (!decision.allowed) throw codedError(decision.refusal);
    logLook(tx, user, c, { fields: [...PERSONAL_DATA_FIELDS], reason: cmd.reason });
    await tx.flush();
    return { name: c.citizenName, phone: c.citizenPhone, address: c.address ?? null, latitude: c.latitude ?? null, longitude: c.longitude ?? null };
  });
}

/** 查看记录 for the admin: newest first, optionally for one case. */
export function revealLog(em: EntityManager, opts: { caseId?: string; limit: number }): Promise<RevealLogEntry[]> {
  return em.find(RevealLogEntry, opts.caseId ? { caseId: opts.caseId } : {}, { orderBy: { revealedAt: 'desc', id: 'asc' }, limit: opts.limit });
}
