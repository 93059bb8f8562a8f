import type { EntityManager } from '@mikro-orm/postgresql';
import { assertInScope, AuthUser, isUuid, codedError } from '@hotline/service-kit';
import { CaseProjection } from './case-projection.entity';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

/**
 * A work order the user may see, or NOT_FOUND (unknown, not yet known here, or outside a
 * handler's department — the same answer, so existence does not leak).
 */
export async function loadVisibleCase(em: EntityManager, user: AuthUser, caseId: string): Promise<CaseProjection> {
  if (!isUuid(caseId)) throw codedError(PUBLICITY_ERRORS.CASE_NOT_FOUND);
  const c = await em.findOne(CaseProjection, { id: caseId });
  if (!c) throw codedError(PUBLICITY_ERRORS.CASE_NOT_FOUND);
  try {
    assertInScope(user, c.departmentIds);
  } catch {
    throw codedError(PUBLICITY_ERRORS.CASE_NOT_FOUND);
  }
  return c;
}

/** Several cases at once (linking cases to an episode or article): all must be visible. */
export async function loadVisibleCases(em: EntityManager, user: AuthUser, caseIds: readonly string[]): Promise<CaseProjection[]> {
  const out: CaseProjection[] = [];
  for (const id of new Set(caseIds)) out.push(await loadVisibleCase(em, user, id));
  return out;
}
