import type { EntityManager } from '@mikro-orm/postgresql';
import { departmentScope, AuthUser, forbidden } from '@hotline/service-kit';
import { DispatchCase } from '../cases/dispatch-case.entity';

/** 待分转: signed cases not yet dispatched, longest waiting first. */
export function dispatchQueue(em: EntityManager, limit = 200): Promise<DispatchCase[]> {
  return em.find(DispatchCase, { stage: 'signed' }, { orderBy: { signedAt: 'asc' }, limit });
}

/** 科室工作台: the cases of the handler's own department, as lead or assist, nearest deadline first. */
export function departmentInbox(em: EntityManager, user: AuthUser, limit = 500): Promise<DispatchCase[]> {
  const scope = departmentScope(user);
  if (scope === 'all') throw forbidden('NOT_A_HANDLER', '科室工作台仅供科室承办人使用');
  return em.find(
    DispatchCase,
    { stage: { $in: ['dispatched', 'replied'] }, $or: [{ leadDepartmentId: { $in: scope } }, { assistDepartmentIds: { $overlap: scope } }] },
    { orderBy: { handleDeadlineAt: 'asc' }, limit },
  );
}
