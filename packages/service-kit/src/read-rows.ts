import type { EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Rows of an entity as plain objects — its property names, the values as the driver returns them
 * (timestamps as Date, numbers, arrays, JSON parsed) — without building managed entities: for read
 * paths that only turn rows into their GraphQL answer, such as the references of a list of 50
 * cases. An entity the ORM builds redefines every property on the instance and registers in the
 * identity map, most of such a request's time (docs/performance.md). Nothing read here is
 * tracked: a change to a row is never flushed. Custom types (a `Type` subclass) are not converted:
 * for entities of built-in column types (tests hold intake's `Case` and a projection row equal to
 * their entities).
 */
export async function readRows<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, orderBy?: QueryOrderMap<T>): Promise<T[]> {
  const qb = em.createQueryBuilder(entity).select('*').where(where);
  if (orderBy) qb.orderBy(orderBy);
  return (await qb.execute('all', true)) as T[];
}
