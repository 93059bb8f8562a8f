import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entityClassesOf, schemaDrift } from '@hotline/service-kit';
import { Infra, startInfra } from '@hotline/testing';
import { migrations } from '../src/migrations';

/** Every entity of the service (each `*.entity.ts`), so none can be left out of the comparison. */
const entities = entityClassesOf(import.meta.glob('../src/**/*.entity.ts', { eager: true }));

describe('supervision: the entities match the migrations', () => {
  let infra: Infra;
  beforeAll(async () => {
    infra = await startInfra('supervision-drift');
    await infra.ensureDatabase('drift');
  });
  afterAll(async () => {
    await infra?.stop();
  });

  it('a database migrated from scratch needs no change to fit the entities (MikroORM schema diff is empty)', async () => {
    expect(entities.length).toBeGreaterThan(0);
    expect(await schemaDrift({ url: infra.databaseUrl('drift'), entities, migrations })).toBe('');
  });
});
