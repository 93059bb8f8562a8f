import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitySchema } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Infra, startInfra } from '@hotline/testing';
import { insertIgnore, insertStatementOf, insertWithEvents, openOrm, readRows } from '../src';

interface Row {
  id: string;
  externalNo: string;
  receivedAt: Date;
  note?: string | null;
  departmentIds: string[];
  round?: number;
}
const RowSchema = new EntitySchema<Row>({
  name: 'ProjectionRow',
  tableName: 'test_projection',
  properties: {
    id: { type: 'uuid', primary: true },
    externalNo: { type: 'string' },
    receivedAt: { type: 'Date', columnType: 'timestamptz' },
    note: { type: 'string', nullable: true },
    departmentIds: { type: 'text[]' },
    round: { type: 'integer', default: 1 },
  },
});
class CreateRows extends Migration {
  override async up() {
    this.addSql(
      "create table test_projection (id uuid primary key, external_no text not null unique, received_at timestamptz not null, note text, department_ids text[] not null default '{}', round int not null default 1)",
    );
  }
}

describe('insertIgnore (a projection row without the ORM round trips)', () => {
  let infra: Infra;
  let orm: MikroORM;
  beforeAll(async () => {
    infra = await startInfra('kit-insert');
    await infra.ensureDatabase('kit_insert_test');
    orm = await openOrm({
      url: infra.databaseUrl('kit_insert_test'),
      entities: [RowSchema],
      migrations: [{ name: 'Migration20260101000000_rows', class: CreateRows }],
    });
  });
  afterAll(async () => {
    await orm?.close(true);
    await infra?.stop();
  });

  const read = async (id: string): Promise<Record<string, unknown>> => {
    const [r] = await orm.em
      .fork()
      .execute<Array<Record<string, unknown>>>('select id, external_no, received_at, note, department_ids, round from test_projection where id = ?', [id]);
    return { ...r, received_at: new Date(r.received_at as string).toISOString() };
  };

  it('writes what em.upsert(…, ignore) writes, columns left out taking their defaults; a second copy changes nothing', async () => {
    const id = randomUUID();
    const at = new Date('2026-12-06T01:02:03.456Z');
    const row = { id, externalNo: `E-${id}`, receivedAt: at, note: null, departmentIds: ['a', 'b'] };
    expect(await orm.em.fork().transactional((em) => insertIgnore(em, RowSchema, [row]))).toBe(1);
    expect(await read(id)).toEqual({ id, external_no: `E-${id}`, received_at: at.toISOString(), note: null, department_ids: ['a', 'b'], round: 1 });
    expect(await orm.em.fork().transactional((em) => insertIgnore(em, RowSchema, [{ ...row, note: 'later' }]))).toBe(0);
    expect((await read(id)).note).toBeNull();

    // The same row through the ORM's upsert, for comparison.
    const other = randomUUID();
    await orm.em.fork().transactional((em) => em.upsert(RowSchema, { ...row, id: other, externalNo: `E-${other}` }, { onConflictAction: 'ignore' }));
    const viaOrm = await read(other);
    expect({ ...viaOrm, id, external_no: `E-${id}` }).toEqual(await read(id));
  });

  it('insertStatementOf: the row a flush writes, in one statement built once; a taken unique value inserts nothing and returns no row', async () => {
    const at = new Date('2026-12-06T04:05:06.789Z');
    const fields = (id: string) => ({ id, externalNo: `S-${id}`, receivedAt: at, note: '备注', departmentIds: ['d1', 'd2'], round: 2 });
    const id = randomUUID();
    const em = orm.em.fork();
    const first = insertStatementOf(em, em.create(RowSchema, fields(id), { persist: false }), { ignoreConflictOn: ['externalNo'], returning: ['id'] });
    expect(await insertWithEvents(em, first, [])).toEqual([{ id }]);
    // The same shape again: the same SQL text (built once), other values.
    const other = randomUUID();
    const again = insertStatementOf(em, em.create(RowSchema, fields(other), { persist: false }), { ignoreConflictOn: ['externalNo'], returning: ['id'] });
    expect(again.sql).toBe(first.sql);
    expect(await insertWithEvents(em, again, [])).toEqual([{ id: other }]);
    // A taken external number: nothing written, no row returned.
    const taken = insertStatementOf(em, em.create(RowSchema, { ...fields(randomUUID()), externalNo: `S-${id}` }, { persist: false }), {
      ignoreConflictOn: ['externalNo'],
      returning: ['id'],
    });
    expect(await insertWithEvents(em, taken, [])).toEqual([]);
    // What the ORM's own flush writes for the same fields.
    const viaFlush = randomUUID();
    const flushing = orm.em.fork();
    await flushing.persistAndFlush(flushing.create(RowSchema, fields(viaFlush)));
    expect({ ...(await read(viaFlush)), id, external_no: `S-${id}` }).toEqual(await read(id));
    expect(await read(id)).toEqual({ id, external_no: `S-${id}`, received_at: at.toISOString(), note: '备注', department_ids: ['d1', 'd2'], round: 2 });
  });

  it('writes many rows in one statement; a conflict on another unique column still fails, as with the ORM', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const rows = ids.map((id) => ({ id, externalNo: `M-${id}`, receivedAt: new Date(), departmentIds: [] as string[] }));
    expect(await orm.em.fork().transactional((em) => insertIgnore(em, RowSchema, rows))).toBe(3);
    expect(await orm.em.fork().transactional((em) => insertIgnore(em, RowSchema, [...rows, { ...rows[0], id: randomUUID(), externalNo: 'M-new' }]))).toBe(1);
    expect((await read(ids[2])).department_ids).toEqual([]);
    await expect(orm.em.fork().transactional((em) => insertIgnore(em, RowSchema, [{ ...rows[0], id: randomUUID() }]))).rejects.toThrow(/unique|duplicate/i);
  });

  it('refuses rows of different shapes and undefined values rather than guessing', async () => {
    const em = orm.em.fork();
    const a = { id: randomUUID(), externalNo: 'X', receivedAt: new Date(), departmentIds: [] as string[] };
    await expect(insertIgnore(em, RowSchema, [a, { ...a, note: 'n' }])).rejects.toThrow(/same properties/);
    await expect(insertIgnore(em, RowSchema, [{ ...a, note: undefined }])).rejects.toThrow(/undefined/);
    expect(await insertIgnore(em, RowSchema, [])).toBe(0);
  });

  it('readRows gives the rows as plain objects with the values an entity would hold', async () => {
    const ids = [randomUUID(), randomUUID()];
    const at = new Date('2026-12-06T01:02:03.456Z');
    await orm.em.fork().transactional((em) =>
      insertIgnore(em, RowSchema, [
        { id: ids[0], externalNo: `R-${ids[0]}`, receivedAt: at, note: null, departmentIds: ['a', 'b'] },
        { id: ids[1], externalNo: `R-${ids[1]}`, receivedAt: new Date(at.getTime() + 1000), note: '备注', departmentIds: [] },
      ]),
    );
    const rows = await readRows(orm.em.fork(), RowSchema, { id: { $in: ids } }, { receivedAt: 'desc' });
    const entities = await orm.em.fork().find(RowSchema, { id: { $in: ids } }, { orderBy: { receivedAt: 'desc' } });
    expect(rows.map((r) => r.id)).toEqual([ids[1], ids[0]]);
    expect(rows).toEqual(
      entities.map((e) => ({ id: e.id, externalNo: e.externalNo, receivedAt: e.receivedAt, note: e.note, departmentIds: e.departmentIds, round: e.round })),
    );
    expect(rows[1].receivedAt).toBeInstanceOf(Date);
    expect(rows[1].receivedAt.toISOString()).toBe(at.toISOString());

    // Equality and `$in` are read with a statement of their own; any other filter goes through the
    // query builder: both give what the entities hold.
    const plain = (e: Row) => ({ id: e.id, externalNo: e.externalNo, receivedAt: e.receivedAt, note: e.note, departmentIds: e.departmentIds, round: e.round });
    expect(await readRows(orm.em.fork(), RowSchema, { externalNo: `R-${ids[1]}`, round: 1 })).toEqual([plain(entities[0])]);
    expect(await readRows(orm.em.fork(), RowSchema, { externalNo: { $like: `R-${ids[0]}%` } }, { receivedAt: 'asc' })).toEqual([plain(entities[1])]);
    expect(await readRows(orm.em.fork(), RowSchema, { id: { $in: [] } })).toEqual([]);
    // A value that would need quoting is a value, not SQL.
    expect(await readRows(orm.em.fork(), RowSchema, { externalNo: "R-' or '1'='1" })).toEqual([]);
  });
});
