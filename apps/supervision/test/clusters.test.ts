import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@hotline/contracts';
import { AuthUser, entityClassesOf, openOrm } from '@hotline/service-kit';
import { Infra, startInfra } from '@hotline/testing';
import { Cluster } from '../src/clusters/cluster.entity';
import { clusterThresholds, setClusterThresholds } from '../src/clusters/cluster-store';
import { clustersConsumer } from '../src/clusters/clusters.consumer';
import { migrations } from '../src/migrations';
import { receivedEvent } from './received-event';

const entities = entityClassesOf(import.meta.glob('../src/**/*.entity.ts', { eager: true }));

/**
 * Cluster detection on real PostgreSQL, its handler run in a transaction as the kit runs it: the
 * default thresholds until the administrator sets them, a change of them applied to the next case,
 * and cases of one matter arriving together (several lanes) open one cluster per kind.
 */
describe('supervision: cluster detection from received cases', () => {
  let infra: Infra;
  let orm: MikroORM;
  const admin: AuthUser = { id: randomUUID(), username: 'admin', displayName: '管理员', role: 'admin' };
  const handler = clustersConsumer().handlers['hotline.case.received']!;

  const received = (topic: string, projectName: string, caller: string | null) => {
    const caseId = randomUUID();
    return receivedEvent(caseId, {
      externalNo: `CL-${caseId.slice(0, 8)}`,
      topic,
      title: '噪音扰民',
      contentDigest: '噪音扰民',
      projectName,
      ...(caller ? { callerKey: caller.padStart(64, '0') } : {}),
    });
  };
  const deliver = (e: EventEnvelope) => orm.em.fork().transactional((tx: EntityManager) => handler(e as never, tx));
  const clusters = (topic: string) => orm.em.fork().find(Cluster, { topic }, { orderBy: { kind: 'asc' } });
  const detected = async (topic: string) => (await clusters(topic)).map((c) => [c.kind, c.caseCount, c.callerCount]);

  beforeAll(async () => {
    infra = await startInfra('supervision-clusters');
    await infra.ensureDatabase('clusters');
    orm = await openOrm({ url: infra.databaseUrl('clusters'), entities, migrations });
  });
  afterAll(async () => {
    await orm?.close();
    await infra?.stop();
  });

  it('the default thresholds until set: a burst at the 5th case of a topic and place, the 6th joins it; a redelivery changes nothing', async () => {
    expect(await clusterThresholds(orm.em.fork())).toMatchObject({ burstMinCases: 5, groupMinCallers: 5, updatedAt: null });
    for (let i = 0; i < 4; i++) await deliver(received('噪音', '幸福小区', 'a'));
    expect(await detected('噪音')).toEqual([]);
    await deliver(received('噪音', '幸福小区', 'a'));
    expect(await detected('噪音')).toEqual([['burst', 5, 1]]);
    const sixth = received('噪音', '幸福小区', 'b');
    await deliver(sixth);
    await deliver(sixth);
    expect(await detected('噪音')).toEqual([['burst', 6, 2]]);
  });

  it("the administrator's thresholds apply to the next case at once", async () => {
    await setClusterThresholds(orm.em.fork(), admin, { burstMinCases: 2, burstWindowHours: 24, groupMinCallers: 3, groupWindowHours: 48 });
    await deliver(received('停水', '和平里', 'a'));
    expect(await detected('停水')).toEqual([]);
    await deliver(received('停水', '和平里', 'b'));
    expect(await detected('停水')).toEqual([['burst', 2, 2]]);
    await deliver(received('停水', '和平里', 'c'));
    expect(await detected('停水')).toEqual([
      ['burst', 3, 3],
      ['group', 3, 3],
    ]);

    await setClusterThresholds(orm.em.fork(), admin, { burstMinCases: 3, burstWindowHours: 24, groupMinCallers: 3, groupWindowHours: 48 });
    await deliver(received('停电', '和平里', 'a'));
    await deliver(received('停电', '和平里', 'a'));
    expect(await detected('停电')).toEqual([]);
    await deliver(received('停电', '和平里', null));
    expect(await detected('停电')).toEqual([['burst', 3, 1]]);
  });

  it('cases of one matter arriving together open one cluster per kind (the lock per topic and place)', async () => {
    await setClusterThresholds(orm.em.fork(), admin, { burstMinCases: 2, burstWindowHours: 24, groupMinCallers: 2, groupWindowHours: 48 });
    await Promise.all(['a', 'b', 'c', 'd'].map((caller) => deliver(received('占道', '光明路', caller))));
    expect(await detected('占道')).toEqual([
      ['burst', 4, 4],
      ['group', 4, 4],
    ]);
  });

  it('batches of the same matters in opposite orders, in parallel transactions, do not deadlock (the batch locks its matters first, in one order)', async () => {
    const consumer = clustersConsumer();
    // As the kit runs a batch: the batch handler (which declines), then each handler, one transaction.
    const deliverBatch = (events: EventEnvelope[]) =>
      orm.em.fork().transactional(async (tx: EntityManager) => {
        if (consumer.batchHandler) expect(await consumer.batchHandler(events, tx)).toBe(false);
        for (const e of events) {
          await handler(e as never, tx);
          await tx.flush();
          tx.clear();
        }
      });
    for (let round = 0; round < 5; round++) {
      const x = (c: string) => received('并发', `甲小区${round}`, c);
      const y = (c: string) => received('并发', `乙小区${round}`, c);
      const outcomes = await Promise.allSettled([deliverBatch([x('1'), y('2')]), deliverBatch([y('3'), x('4')])]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    }
  });
});
