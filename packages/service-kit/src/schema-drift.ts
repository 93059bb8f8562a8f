import { MetadataStorage } from '@mikro-orm/core';
import type { Options } from '@mikro-orm/postgresql';
import { MigrationClass, openOrm } from './orm';

/**
 * 表结构漂移 (schema drift): migrates an empty database with a service's hand-written
 * migrations, then asks MikroORM what SQL would make that database match the service's
 * entities. An empty answer means the entities and the migrations agree. Tables without an
 * entity (the kit's outbox/inbox, raw-SQL tables) are not reported: only what the entities
 * declare is compared.
 */
export async function schemaDrift(opts: {
  url: string;
  entities: NonNullable<Options['entities']>;
  migrations: Array<{ name: string; class: MigrationClass }>;
}): Promise<string> {
  const orm = await openOrm({ url: opts.url, entities: opts.entities, migrations: opts.migrations, poolMax: 2 });
  try {
    const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false, dropTables: false });
    const rows = await orm.em
      .fork()
      .getConnection()
      .execute<Array<{ t: string; c: string; type: string }>>(
        `select table_name as t, column_name as c, case when data_type = 'ARRAY' then udt_name else data_type end as type
         from information_schema.columns where table_schema = 'public'`,
      );
    return significantDrift(sql, new Map(rows.map((r) => [`${r.t}.${r.c}`, r.type]))).join('\n');
  } finally {
    await orm.close(true);
  }
}

/** A column's type family: PostgreSQL's `text` and `varchar(n)` hold the same values, and so on. */
const family = (t: string): string => {
  const x = t
    .toLowerCase()
    .replace(/\(.*\)/, '')
    .trim();
  if (x.startsWith('_')) return `${family(x.slice(1))}[]`; // information_schema's udt_name of an array: _text
  if (x.endsWith('[]')) return `${family(x.slice(0, -2))}[]`;
  if (['text', 'varchar', 'character varying', 'char', 'character', 'bpchar'].includes(x)) return 'text';
  if (['timestamptz', 'timestamp with time zone'].includes(x)) return 'timestamptz';
  // The same type under PostgreSQL's and MikroORM's names.
  const aliases: Record<string, string> = {
    int: 'integer',
    int4: 'integer',
    int8: 'bigint',
    int2: 'smallint',
    bool: 'boolean',
    float8: 'double precision',
    float4: 'real',
  };
  if (aliases[x]) return aliases[x];
  return x;
};

/**
 * The statements of a MikroORM schema diff that mean the entities and the tables disagree
 * (a missing table, column or index, nullability, a type of another family, a default the
 * entity expects). Left out, because the hand-written migrations may say more than an entity
 * can, or name things their own way:
 * - `drop constraint` / `drop index`: checks, foreign keys on plain id columns, partial and
 *   expression indexes the migrations add and no entity declares;
 * - renames: an index or a unique constraint PostgreSQL named `<table>_<cols>_key` where
 *   MikroORM would say `…_unique` (the drop `_key` / add `_unique` pair);
 * - `drop default` / `set default`: a default only the database has, or one MikroORM infers from
 *   a property initializer (`stage = 'received'`) — the ORM writes that value on every insert;
 * - `alter column … type` within one family (`text` ↔ `varchar(n)`, arrays, jsonb) — given the
 *   column's current type in `columnTypes` (`table.column` → type).
 */
export function significantDrift(sql: string, columnTypes: ReadonlyMap<string, string> = new Map()): string[] {
  const statements = sql
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const droppedKeys = new Set(statements.flatMap((l) => /drop constraint "([a-z0-9_]+)_key";$/.exec(l)?.[1] ?? []));
  return statements.filter((l) => {
    if (/^alter table "[^"]+" drop constraint /.test(l)) return false;
    if (/^drop index /.test(l) || /^alter index "[^"]+" rename to /.test(l)) return false;
    if (/^alter table "[^"]+" alter column "[^"]+" (drop default|set default .+);$/.test(l)) return false;
    const type = /^alter table "([^"]+)" alter column "([^"]+)" type (.+?) using \(/.exec(l);
    if (type) {
      const current = columnTypes.get(`${type[1]}.${type[2]}`);
      if (current && family(current) === family(type[3])) return false;
    }
    const unique = /add constraint "([a-z0-9_]+)_unique" unique \(/.exec(l);
    return !(unique && droppedKeys.has(unique[1]));
  });
}

/**
 * The entity classes among a set of modules' exports (e.g. every `*.entity.ts` of a service,
 * loaded with `import.meta.glob`), so a drift test covers each entity without a list to keep.
 */
export function entityClassesOf(modules: Record<string, unknown>): Array<new (...args: never[]) => unknown> {
  const decorated = new Set(Object.values(MetadataStorage.getMetadata()).map((m) => m.class));
  const classes = new Set<new (...args: never[]) => unknown>();
  for (const mod of Object.values(modules)) {
    for (const value of Object.values(mod as Record<string, unknown>)) {
      if (typeof value === 'function' && decorated.has(value as never)) classes.add(value as new (...args: never[]) => unknown);
    }
  }
  return [...classes];
}
