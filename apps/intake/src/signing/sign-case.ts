import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CASE_STAGE_LABELS, createEvent, INTAKE_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, codedError, recordEvent, recordEvents } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';

/** 签收: acknowledge receipt. A case is signed once; a second sign is a coded CONFLICT. */
export async function signCase(em: EntityManager, user: AuthUser, id: string): Promise<Case> {
  return em.transactional(async (tx) => {
    const c = await tx.findOne(Case, { id });
    if (!c) throw codedError(INTAKE_ERRORS.CASE_MISSING);
    if (c.signedAt) throw codedError(INTAKE_ERRORS.ALREADY_SIGNED, { externalNo: c.externalNo, signedAt: c.signedAt.toISOString() });
    // Only a case waiting in 待签收: imported history (already 已办结) is never signed backwards.
    if (c.stage !== 'received') throw codedError(INTAKE_ERRORS.NOT_AWAITING_SIGNATURE, { externalNo: c.externalNo, stage: CASE_STAGE_LABELS[c.stage] });
    await markSigned(tx, user, c);
    return c;
  });
}

/**
 * 批量签收: signs every listed case that is still unsigned, in one transaction; unknown ids fail all.
 * The cases are locked first, in id order — the order intake's timeline consumer locks a batch of
 * cases in: updating them one by one in another order deadlocked with that consumer (seen with
 * 260 imported cases signed while their 受理 lines were still being written).
 */
export async function signCases(em: EntityManager, user: AuthUser, ids: string[]): Promise<Case[]> {
  const unique = [...new Set(ids)];
  return em.transactional(async (tx) => {
    const cases = await tx.find(Case, { id: { $in: unique } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } });
    if (cases.length !== unique.length) throw codedError(INTAKE_ERRORS.SOME_CASES_MISSING);
    const now = new Date();
    const signing = cases.filter((c) => !c.signedAt && c.stage === 'received');
    for (const c of signing) setSigned(user, c, now);
    await tx.flush();
    await recordEvents(
      tx,
      signing.map((c) => signedEvent(user, c)),
    );
    return cases;
  });
}

async function markSigned(tx: EntityManager, user: AuthUser, c: Case): Promise<void> {
  setSigned(user, c, new Date());
  await tx.flush();
  await recordEvent(tx, signedEvent(user, c));
}

function setSigned(user: AuthUser, c: Case, at: Date): void {
  c.signedAt = at;
  c.signedBy = user.id;
  c.stage = 'signed';
}

const signedEvent = (user: AuthUser, c: Case) =>
  createEvent({
    type: 'hotline.case.signed',
    source: 'intake',
    actor: actorOf(user),
    caseId: c.id,
    data: { externalNo: c.externalNo, signedAt: c.signedAt!.toISOString() },
  });
