import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseExclusion } from './exclusion.entity';

/** The cases (ids) among `caseIds` that an approved 不纳入考核 claim covers. */
export async function approvedExclusions(em: EntityManager, caseIds: readonly string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const rows = await em.find(CaseExclusion, { caseId: { $in: [...caseIds] }, status: 'approved' });
  return new Set(rows.map((r) => r.caseId));
}
