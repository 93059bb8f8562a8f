import { helper, type EntityMetadata, type EntityName, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Statement } from './outbox';

/** The one column of a property an insert writes; anything else (a relation to a composite key, an embeddable) is refused. */
function columnOf(meta: EntityMetadata, p: string, who: string): string {
  const prop = (meta.properties as Record<string, EntityProperty | undefined>)[p];
  if (!prop || prop.fieldNames?.length !== 1 || prop.persist === false) throw new Error(`${who}: ${meta.className}.${p} is not a plain column`);
  return prop.fieldNames[0];
}

/** One statement's shape per entity and column set: built once, reused. */
const statements = new Map<string, { sql: string; props: string[]; convert: Array<((v: unknown) => unknown) | undefined> }>();

/**
 * `insert … on conflict (<primary key>) do nothing` of plain rows (property names as the entity
 * declares them; every row the same properties) in one statement, inside `em`'s transaction;
 * returns how many rows went in. The same SQL as `em.upsert(Entity, row, { onConflictAction:
 * 'ignore' })` sends, without what the ORM does around it — the select that reloads every row
 * after an `ignore`, the entity built and registered in the identity map — for projection
 * consumers that only write the row (docs/performance.md). Columns left out get the database's
 * defaults, as with `em.upsert` (an `undefined` value is refused); custom types are converted as the ORM would.
 */
export async function insertIgnore<T extends object>(em: EntityManager, entity: EntityName<T>, rows: Array<Partial<T>>): Promise<number> {
  if (rows.length === 0) return 0;
  const meta = em.getMetadata().get<T>(entity as string);
  const propOf = (p: string) => (meta.properties as Record<string, EntityProperty<T> | undefined>)[p];
  const props = Object.keys(rows[0]);
  const key = `${meta.className}:${props.join(',')}`;
  let st = statements.get(key);
  if (!st) {
    const platform = em.getPlatform();
    const q = (id: string) => platform.quoteIdentifier(id);
    const column = (p: string) => columnOf(meta as EntityMetadata, p, 'insertIgnore');
    const convert = props.map((p) => {
      const t = propOf(p)!.customType;
      return t ? (v: unknown) => (v == null ? v : t.convertToDatabaseValue(v, platform, { mode: 'query' })) : undefined;
    });
    const conflict = meta.primaryKeys.map((p) => q(column(p))).join(', ');
    const sql = `insert into ${q(meta.tableName)} (${props.map((p) => q(column(p))).join(', ')}) values `;
    st = { sql: `${sql}\u0000 on conflict (${conflict}) do nothing`, props, convert };
    statements.set(key, st);
  }
  const params: unknown[] = [];
  for (const row of rows) {
    const keys = Object.keys(row);
    if (keys.length !== st.props.length || keys.some((k, i) => k !== st.props[i])) throw new Error('insertIgnore: every row needs the same properties');
    st.props.forEach((p, i) => {
      const v = (row as Record<string, unknown>)[p];
      if (v === undefined) throw new Error(`insertIgnore: ${meta.className}.${p} is undefined (leave it out for the default, or give null)`);
      params.push(st.convert[i] ? st.convert[i](v) : v);
    });
  }
  const one = `(${st.props.map(() => '?').join(', ')})`;
  const sql = st.sql.replace('\u0000', rows.map(() => one).join(', '));
  const res = await em.execute<{ affectedRows: number }>(sql, params, 'run');
  return res.affectedRows;
}

/** `insertStatementOf`'s SQL by entity and shape (columns, conflict target, returned columns). */
const insertStatements = new Map<string, string>();

/**
 * A new entity's `insert` as a statement, for `insertWithEvents`: the columns and values a flush
 * would write — the ORM's own snapshot of the entity, already in database form (custom types,
 * JSON, arrays converted) — with `on conflict (…) do nothing` on the unique properties
 * `ignoreConflictOn`, `returning` the properties given. The SQL is built once per entity and shape
 * and only the values are taken per call: the query builder built and compiled the same
 * statement again for every received case (docs/performance.md).
 */
export function insertStatementOf<T extends object>(
  em: EntityManager,
  entity: T,
  opts: { ignoreConflictOn?: readonly (keyof T & string)[]; returning?: readonly (keyof T & string)[] } = {},
): Statement {
  const meta = helper(entity).__meta as EntityMetadata;
  const data = em.getComparator().prepareEntity(entity) as Record<string, unknown>;
  const props = Object.keys(data).filter((p) => data[p] !== undefined);
  const conflict = opts.ignoreConflictOn ?? [];
  const returning = opts.returning ?? [];
  const key = `${meta.className}:${props.join(',')}|${conflict.join(',')}|${returning.join(',')}`;
  let sql = insertStatements.get(key);
  if (!sql) {
    const q = (p: string) => em.getPlatform().quoteIdentifier(columnOf(meta, p, 'insertStatementOf'));
    sql = `insert into ${em.getPlatform().quoteIdentifier(meta.tableName)} (${props.map(q).join(', ')}) values (${props.map(() => '?').join(', ')})`;
    if (conflict.length) sql += ` on conflict (${conflict.map(q).join(', ')}) do nothing`;
    if (returning.length) sql += ` returning ${returning.map(q).join(', ')}`;
    insertStatements.set(key, sql);
  }
  return { sql, params: props.map((p) => data[p]) };
}
