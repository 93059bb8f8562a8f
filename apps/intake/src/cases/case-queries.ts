import type { EntityManager } from '@mikro-orm/postgresql';
import { assertInScope, AuthUser, departmentScope, notFound } from '@hotline/service-kit';
import { Case } from './case.entity';

/** A case the user may see, or NOT_FOUND (a case outside a handler's department does not exist for them). */
export async function findCaseForUser(em: EntityManager, user: AuthUser, id: string): Promise<Case> {
  const c = /^[0-9a-f-]{36}$/i.test(id) ? await em.findOne(Case, { id }) : null;
  if (!c) throw notFound('CASE_NOT_FOUND', '工单不存在或无权查看');
  assertInScope(user, c.departmentIds);
  return c;
}

/** 待签收: oldest first, so the one waiting longest is on top. */
export function unsignedCases(em: EntityManager, limit = 200): Promise<Case[]> {
  return em.find(Case, { stage: 'received' }, { orderBy: { receivedAt: 'asc' }, limit });
}

/** Recent cases in the user's scope. */
export function listCases(em: EntityManager, user: AuthUser, opts: { stage?: string; limit: number }): Promise<Case[]> {
  const scope = departmentScope(user);
  const where: Record<string, unknown> = {};
  if (opts.stage) where.stage = opts.stage;
  if (scope !== 'all') where.departmentIds = { $overlap: scope };
  return em.find(Case, where, { orderBy: { receivedAt: 'desc' }, limit: opts.limit });
}
