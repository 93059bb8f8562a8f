import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitySchema } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { Infra, startInfra } from '@hotline/testing';
import { schemaDrift, significantDrift } from '../src';

describe('significantDrift keeps what means the entities and the tables disagree', () => {
  const types = new Map([
    ['t.name', 'text'],
    ['t.tags', '_text'],
    ['t.n', 'integer'],
  ]);
  it('drops naming and database-only extras', () => {
    expect(
      significantDrift(
        [
          'alter table "t" drop constraint "t_role_check";',
          'alter table "t" drop constraint "t_code_key";',
          'alter table "t" add constraint "t_code_unique" unique ("code");',
          'drop index "t_partial";',
          'alter index "t_case" rename to "t_case_id_at_index";',
          'alter table "t" alter column "tags" drop default;',
          'alter table "t" alter column "name" set default \'x\';',
          'alter table "t" alter column "name" type varchar(16) using ("name"::varchar(16));',
          'alter table "t" alter column "tags" type text[] using ("tags"::text[]);',
          'alter table "t" alter column "n" type int using ("n"::int);',
        ].join('\n'),
        types,
      ),
    ).toEqual([]);
  });
  it('keeps a missing table, column or index, a nullability change and a type of another family', () => {
    const real = [
      'create table "u" ("id" int not null, constraint "u_pkey" primary key ("id"));',
      'alter table "t" add column "extra" text not null;',
      'alter table "t" alter column "name" drop not null;',
      'alter table "t" alter column "n" type varchar(16) using ("n"::varchar(16));',
      'alter table "t" add constraint "t_other_unique" unique ("other");',
      'create index "t_name_index" on "t" ("name");',
    ];
    expect(significantDrift(real.join('\n'), types)).toEqual(real);
  });
});

const Thing = new EntitySchema<{ id: number; name: string; extra: string }>({
  name: 'DriftThing',
  tableName: 'drift_thing',
  properties: { id: { type: 'number', primary: true, autoincrement: false }, name: { type: 'string' }, extra: { type: 'string' } },
});
class CreateThing extends Migration {
  override async up(): Promise<void> {
    this.addSql('create table drift_thing (id integer primary key, name text not null)');
  }
}

describe('schemaDrift against a migrated database', () => {
  let infra: Infra;
  beforeAll(async () => {
    infra = await startInfra('drift');
    await infra.ensureDatabase('drift');
  }, 120_000);
  afterAll(async () => {
    await infra?.stop();
  });

  it('names a column an entity has and the migrations forgot', async () => {
    const drift = await schemaDrift({
      url: infra.databaseUrl('drift'),
      entities: [Thing],
      migrations: [{ name: 'Migration20260101000000_drift_thing', class: CreateThing }],
    });
    expect(drift).toMatch(/^alter table "drift_thing" add column "extra" varchar\(255\) not null;$/);
  }, 120_000);
});
