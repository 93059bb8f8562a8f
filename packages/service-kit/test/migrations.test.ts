import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitySchema } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { Infra, startInfra } from '@hotline/testing';
import { openOrm } from '../src';

const Thing = new EntitySchema<{ id: number; name: string }>({
  name: 'Thing',
  tableName: 'thing',
  properties: { id: { type: 'number', primary: true }, name: { type: 'string' } },
});

class CreateThing extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table thing (id integer primary key, name varchar(50) not null)');
    this.addSql("insert into thing (id, name) values (1, 'seeded once')");
  }
}

/** Several replicas of a service starting at once against the same, empty database. */
describe('migrations at start', () => {
  let infra: Infra;
  beforeAll(async () => {
    infra = await startInfra('migrations');
    await infra.ensureDatabase('replicas');
  }, 120_000);
  afterAll(async () => {
    await infra?.stop();
  });

  it('replicas starting together apply each migration exactly once, and every one of them starts', async () => {
    const open = () =>
      openOrm({ url: infra.databaseUrl('replicas'), entities: [Thing], migrations: [{ name: 'Migration20260101000000_thing', class: CreateThing }] });
    const orms = await Promise.all([open(), open(), open(), open()]);
    try {
      const rows = await orms[0].em.fork().getConnection().execute('select name from thing');
      expect(rows).toEqual([{ name: 'seeded once' }]);
      const applied = await orms[0].em.fork().getConnection().execute("select name from mikro_orm_migrations where name like '%thing'");
      expect(applied).toHaveLength(1);
    } finally {
      await Promise.all(orms.map((o) => o.close(true)));
    }
  }, 120_000);
});
