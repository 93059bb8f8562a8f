import type { EntityManager } from '@mikro-orm/postgresql';
import { codedError } from '@hotline/service-kit';
import { DepartmentProjection } from './department.entity';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

/** Every id must be an active department (科室); otherwise BAD_USER_INPUT / UNKNOWN_DEPARTMENT. */
export async function assertDepartments(em: EntityManager, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const known = await em.count(DepartmentProjection, { id: { $in: unique.filter((x) => /^[0-9a-f-]{36}$/i.test(x)) }, active: true });
  if (known !== unique.length) throw codedError(PUBLICITY_ERRORS.UNKNOWN_DEPARTMENT);
}
