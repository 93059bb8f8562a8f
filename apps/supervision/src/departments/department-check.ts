import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, codedError } from '@hotline/service-kit';
import { DepartmentProjection } from './department.entity';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

/** Every id must be an active department (科室); otherwise BAD_USER_INPUT / UNKNOWN_DEPARTMENT. */
export async function assertDepartments(em: EntityManager, ids: readonly string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  if (!unique.every(isUuid)) throw codedError(SUPERVISION_ERRORS.UNKNOWN_DEPARTMENT);
  const known = await em.count(DepartmentProjection, { id: { $in: unique }, active: true });
  if (known !== unique.length) throw codedError(SUPERVISION_ERRORS.UNKNOWN_DEPARTMENT);
}

/** Department names by id (unknown ids are left out). */
export async function departmentNames(em: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  return new Map((await em.find(DepartmentProjection, { id: { $in: unique } })).map((d) => [d.id, d.name]));
}
