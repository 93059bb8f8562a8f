import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Infra, startInfra } from '@hotline/testing';
import { openOrm } from '@hotline/service-kit';
import { Case } from '../src/cases/case.entity';
import { migrations } from '../src/migrations';

/** Cases written before the search text existed get it from the migration, redacted like the fields. */
describe('migration search_text backfills the redacted text of existing cases', () => {
  let infra: Infra;
  beforeAll(async () => {
    infra = await startInfra('search-text');
    await infra.ensureDatabase('intake_backfill');
  }, 120_000);
  afterAll(async () => {
    await infra?.stop();
  });

  it('fills search_text for every earlier case: the name, door and phones gone, the matter kept', async () => {
    const url = infra.databaseUrl('intake_backfill');
    const last = migrations.findIndex((m) => m.name.endsWith('_search_text'));
    expect(last).toBeGreaterThan(0);
    const before = await openOrm({ url, entities: [Case], migrations: migrations.slice(0, last) });
    const ids = Array.from({ length: 1_205 }, () => randomUUID()); // more than one batch of 1,000
    try {
      await before.em
        .fork()
        .getConnection()
        .execute(
          `insert into intake_case (id, external_no, channel, title, content, request_type, topic, urgency, tier, stage, received_at, citizen_name, citizen_phone, address, created_at, updated_at)
         select id, 'BF-' || id, 'manual', '王建国反映荣华中路15号3单元502漏水', '我叫王建国，住荣华中路15号3单元502室，电话13912345678，楼上漏水', 'complaint', '物业', 'normal', 'general', 'received', now(), '王建国', '13912345678', '北京市经济技术开发区荣华中路15号3单元502室', now(), now()
         from unnest(?::uuid[]) as id`,
          [`{${ids.join(',')}}`],
        );
    } finally {
      await before.close(true);
    }
    const after = await openOrm({ url, entities: [Case], migrations });
    try {
      const rows = await after.em.fork().getConnection().execute<Array<{ search_text: string }>>('select search_text from intake_case');
      expect(rows).toHaveLength(ids.length);
      for (const r of rows) {
        expect(r.search_text).toContain('楼上漏水');
        expect(r.search_text).not.toMatch(/王建国|13912345678|15号3单元502|502室/);
      }
    } finally {
      await after.close(true);
    }
  }, 120_000);
});
