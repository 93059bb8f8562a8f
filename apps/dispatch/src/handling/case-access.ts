import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPATCH_ERRORS } from '@hotline/contracts';
import { assertInScope, AuthUser, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { assertNotMerged, assertVersion } from './handling-rules';

/** Every case command names the case and may carry the version the caller saw (optimistic lock). */
export const CaseCommand = z.object({
  caseId: z.uuid('工单无效'),
  expectedVersion: z.number().int().min(1, '版本号无效').nullish(),
});

/**
 * Loads a case for an action: NOT_FOUND when unknown or outside a handler's department, CONFLICT
 * when the case was merged into a master (CASE_MERGED) or the caller's `expectedVersion` is
 * stale. The flush that follows checks `version` again in SQL, so two actions racing on one case
 * cannot both commit.
 */
export async function loadCase(tx: EntityManager, user: AuthUser, caseId: string, expectedVersion?: number | null): Promise<DispatchCase> {
  const c = await tx.findOne(DispatchCase, { id: caseId });
  if (!c) throw codedError(DISPATCH_ERRORS.CASE_NOT_FOUND);
  assertInScope(user, c.departmentIds());
  assertNotMerged(c);
  assertVersion(c, expectedVersion);
  return c;
}

/** Marks who acted last; also makes the case row change, so its version moves with every action. */
export function touch(c: DispatchCase, user: AuthUser, now: Date): void {
  c.lastActionAt = now;
  c.lastActionBy = user.id;
}
