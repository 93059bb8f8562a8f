import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Infra, startInfra } from '@hotline/testing';
import { openOrm } from '@hotline/service-kit';
import { DEFAULT_INTAKE_RULES } from '../src/classification/rules';
import { Case } from '../src/cases/case.entity';
import { migrations } from '../src/migrations';
import { repeatCounts } from '../src/repeats/repeat-counts';
import { repeatSignals } from '../src/repeats/similarity';

const DAY = 86_400_000;
const now = new Date();

/** Repeat counts asked of PostgreSQL agree with the in-memory rule, and are not capped by a page of rows. */
describe('repeatCounts (重复诉求 / 同楼盘同主题 counted in PostgreSQL)', () => {
  let infra: Infra;
  let orm: MikroORM;
  const rows: Array<Record<string, unknown>> = [];
  const add = (over: Record<string, unknown>, daysAgo: number) =>
    rows.push({
      citizenPhone: `139${String(rows.length).padStart(8, '0')}`,
      address: `别处${rows.length}号`,
      projectName: '别的小区',
      topic: '物业',
      title: '电梯故障',
      content: '电梯坏了',
      ...over,
      receivedAt: new Date(now.getTime() - daysAgo * DAY),
    });

  beforeAll(async () => {
    infra = await startInfra('repeat-counts');
    await infra.ensureDatabase('intake_repeats');
    orm = (await openOrm({ url: infra.databaseUrl('intake_repeats'), entities: [Case], migrations })) as MikroORM;
    add({ citizenPhone: '13811112222' }, 3); // same phone, other topic → repeat
    add({ citizenPhone: '13811112222', topic: '施工' }, 5); // same phone → repeat
    add({ address: '荣华中路10号院' }, 0.5); // same address and topic → repeat
    add({ address: '荣华中路10号院', topic: '施工' }, 0.5); // same address, other topic → nothing
    add({ citizenPhone: '13811112222' }, 40); // outside the 30-day window → nothing
    for (let i = 0; i < 620; i++) add({ projectName: '金茂悦' }, 2 + (i % 20)); // a wave: more than the 500 the old query loaded
    add({ projectName: '金茂悦', topic: '施工' }, 2); // same project, other topic → nothing
    await orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into intake_case (id, external_no, channel, title, content, request_type, topic, urgency, tier, stage, received_at, citizen_name, citizen_phone, address, project_name, created_at, updated_at)
       select gen_random_uuid(), 'RC-' || (r->>'i'), 'manual', r->>'title', r->>'content', 'complaint', r->>'topic', 'normal', 'general', 'received', (r->>'receivedAt')::timestamptz, '市民', r->>'citizenPhone', r->>'address', r->>'projectName', now(), now()
       from json_array_elements(?::json) as r`,
        [JSON.stringify(rows.map((r, i) => ({ ...r, i: `${i}-${randomUUID().slice(0, 8)}` })))],
      );
  }, 120_000);
  afterAll(async () => {
    await orm?.close(true);
    await infra?.stop();
  });

  const subject = {
    citizenPhone: '13811112222',
    address: '荣华中路10号院',
    projectName: '金茂悦',
    topic: '物业',
    title: '电梯',
    content: '又坏了',
    receivedAt: now,
  };

  it('counts the same phone or address (with the topic) as repeats and the same project and topic as the cluster, within the window', async () => {
    const counts = await repeatCounts(orm.em.fork(), subject, DEFAULT_INTAKE_RULES);
    expect(counts).toEqual({ repeatCount: 3, clusterCount: 620 });
    const inWindow = rows.filter((r) => (r.receivedAt as Date).getTime() >= now.getTime() - DEFAULT_INTAKE_RULES.repeatWindowDays * DAY) as never[];
    expect(counts).toEqual(repeatSignals(subject, inWindow));
  });

  it('a narrower window or an earlier moment sees fewer; no phone, address or project counts nothing', async () => {
    expect(await repeatCounts(orm.em.fork(), subject, { ...DEFAULT_INTAKE_RULES, repeatWindowDays: 1 })).toEqual({ repeatCount: 1, clusterCount: 0 });
    expect(await repeatCounts(orm.em.fork(), { ...subject, receivedAt: new Date(now.getTime() - 4 * DAY) }, DEFAULT_INTAKE_RULES)).toEqual({
      repeatCount: 1,
      clusterCount: 17 * 31,
    }); // of the phone's, only the 5-day-old one; of the wave, the days 5–21
    expect(await repeatCounts(orm.em.fork(), { ...subject, citizenPhone: '', address: null, projectName: null }, DEFAULT_INTAKE_RULES)).toEqual({
      repeatCount: 0,
      clusterCount: 0,
    });
    expect(await repeatCounts(orm.em.fork(), { ...subject, citizenPhone: '1 2 3 4', address: null, projectName: null }, DEFAULT_INTAKE_RULES)).toEqual({
      repeatCount: 0,
      clusterCount: 0,
    });
  });
});
