import { Utils, type EntityData, type EntityMetadata, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A row read by `readRows`, as a resolver's `@Root()` type. type-graphql rebuilds a root whose
 * declared type is a class into an instance of that class (for an entity: its constructor and the
 * ORM's property setters, for every field of every row: docs/performance.md); a mapped type is
 * reflected as `Object`, so the plain row reaches the resolver as it is.
 */
export type Row<T> = Readonly<T>;

/**
 * Rows of an entity as plain objects — its property names, the values as the ORM maps them
 * (timestamps as Date, numbers, arrays, JSON parsed) — without building managed entities: for read
 * paths that only turn rows into their GraphQL answer, such as the references of a list of 50
 * cases. An entity the ORM builds redefines every property on the instance and registers in the
 * identity map, most of such a request's time (docs/performance.md). Nothing read here is
 * tracked: a change to a row is never flushed.
 *
 * The common shapes — `{ prop: value }` and `{ prop: { $in: [...] } }` on scalar columns, ordered
 * by scalar columns — are read with a statement built once per entity and shape and mapped by the
 * ORM's own compiled row mapper; any other filter goes through the query builder. Both give the
 * same rows (tests hold intake's `Case` and a projection row equal to their entities).
 */
export async function readRows<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>, orderBy?: QueryOrderMap<T>): Promise<T[]> {
  const meta = em.getMetadata().find<T>(Utils.className(entity));
  const plan = meta && planOf(meta, where as Record<string, unknown>, orderBy as Record<string, unknown> | undefined);
  if (plan === EMPTY) return [];
  if (plan) {
    const rows = await em.execute<Array<Record<string, unknown>>>(plan.sql, plan.params, 'all');
    const driver = em.getDriver();
    return rows.map((r) => driver.mapResult(r as EntityData<T>, meta) as T);
  }
  const qb = em.createQueryBuilder(entity).select('*').where(where);
  if (orderBy) qb.orderBy(orderBy);
  return (await qb.execute('all', true)) as T[];
}

type Scalar = string | number | boolean;
const EMPTY = Symbol('no rows');
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean';
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Statements by entity, then by shape of filter and order: `id:in|receivedAt:desc` → `select * from "case" where "id" in (?) order by "received_at" desc`. */
const statements = new WeakMap<EntityMetadata, Map<string, string>>();

/** The statement and its parameters for a simple filter, `EMPTY` for an empty `$in`, or null for the query builder. */
function planOf(
  meta: EntityMetadata,
  where: Record<string, unknown>,
  orderBy?: Record<string, unknown>,
): { sql: string; params: unknown[] } | typeof EMPTY | null {
  if (!where || typeof where !== 'object' || Array.isArray(where)) return null;
  const shape: string[] = [];
  const params: unknown[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (!columnOf(meta, key)) return null;
    if (isScalar(value)) {
      shape.push(`${key}:eq`);
      params.push(value);
      continue;
    }
    const ops = value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
    const list = ops.length === 1 && ops[0] === '$in' ? (value as { $in: unknown }).$in : null;
    if (!Array.isArray(list) || !list.every(isScalar)) return null;
    if (list.length === 0) return EMPTY;
    shape.push(`${key}:in`);
    // One parameter: MikroORM quotes and inlines a list for one `?` (`in (?)` with [a, b] → `in ('a', 'b')`).
    params.push(list);
  }
  if (shape.length === 0) return null;
  const order: string[] = [];
  for (const [key, dir] of Object.entries(orderBy ?? {})) {
    const d = typeof dir === 'string' ? dir.toLowerCase() : '';
    if (!columnOf(meta, key) || (d !== 'asc' && d !== 'desc')) return null;
    order.push(`${key}:${d}`);
  }
  const key = `${shape.join(',')}|${order.join(',')}`;
  let byShape = statements.get(meta);
  if (!byShape) statements.set(meta, (byShape = new Map()));
  let sql = byShape.get(key);
  if (!sql) {
    const table = meta.schema && meta.schema !== '*' ? `${quote(meta.schema)}.${quote(meta.tableName)}` : quote(meta.tableName);
    const conditions = shape.map((s) => {
      const [prop, op] = s.split(':');
      return `${quote(columnOf(meta, prop)!)} ${op === 'eq' ? '= ?' : 'in (?)'}`;
    });
    const sorting = order.map((s) => {
      const [prop, d] = s.split(':');
      return `${quote(columnOf(meta, prop)!)} ${d}`;
    });
    sql = `select * from ${table} where ${conditions.join(' and ')}${sorting.length ? ` order by ${sorting.join(', ')}` : ''}`;
    byShape.set(key, sql);
  }
  return { sql, params };
}

/** The column of a plain scalar property (not a relation, embeddable, array or formula), or null. */
function columnOf(meta: EntityMetadata, prop: string): string | null {
  const p = meta.properties[prop as keyof typeof meta.properties] as EntityMetadata['props'][number] | undefined;
  if (!p || p.kind !== 'scalar' || p.formula || p.persist === false || p.array || p.fieldNames?.length !== 1) return null;
  return p.fieldNames[0];
}
