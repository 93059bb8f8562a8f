import type { EntityManager } from '@mikro-orm/postgresql';
import { CASE_STAGE_LABELS, createEvent } from '@hotline/contracts';
import { actorOf, AuthUser, conflict, notFound, recordEvent } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';

/** 签收: acknowledge receipt. A case is signed once; a second sign is a coded CONFLICT. */
export async function signCase(em: EntityManager, user: AuthUser, id: string): Promise<Case> {
  return em.transactional(async (tx) => {
    const c = await tx.findOne(Case, { id });
    if (!c) throw notFound('CASE_NOT_FOUND', '工单不存在');
    if (c.signedAt) throw conflict('ALREADY_SIGNED', `工单 ${c.externalNo} 已于 ${c.signedAt.toISOString()} 签收，无需重复签收`);
    // Only a case waiting in 待签收: imported history (already 已办结) is never signed backwards.
    if (c.stage !== 'received') throw conflict('NOT_AWAITING_SIGNATURE', `工单 ${c.externalNo} 当前为「${CASE_STAGE_LABELS[c.stage]}」，无需签收`);
    await markSigned(tx, user, c);
    return c;
  });
}

/** 批量签收: signs every listed case that is still unsigned, in one transaction; unknown ids fail all. */
export async function signCases(em: EntityManager, user: AuthUser, ids: string[]): Promise<Case[]> {
  const unique = [...new Set(ids)];
  return em.transactional(async (tx) => {
    const cases = await tx.find(Case, { id: { $in: unique } });
    if (cases.length !== unique.length) throw notFound('CASE_NOT_FOUND', '部分工单不存在，未签收任何工单');
    for (const c of cases) if (!c.signedAt && c.stage === 'received') await markSigned(tx, user, c);
    return cases;
  });
}

async function markSigned(tx: EntityManager, user: AuthUser, c: Case): Promise<void> {
  c.signedAt = new Date();
  c.signedBy = user.id;
  c.stage = 'signed';
  await tx.flush();
  await recordEvent(
    tx,
    createEvent({ type: 'hotline.case.signed', source: 'intake', actor: actorOf(user), caseId: c.id, data: { externalNo: c.externalNo, signedAt: c.signedAt.toISOString() } }),
  );
}
