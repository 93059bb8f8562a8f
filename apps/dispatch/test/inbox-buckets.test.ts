import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthUser, entityClassesOf, openOrm } from '@hotline/service-kit';
import { Infra, startInfra } from '@hotline/testing';
import { DispatchCase, type DispatchStage } from '../src/cases/dispatch-case.entity';
import { inboxBucketOf } from '../src/handling/handling-rules';
import { departmentInbox, departmentInboxCounts, departmentInboxPage } from '../src/inbox/queues';
import { migrations } from '../src/migrations';

const entities = entityClassesOf(import.meta.glob('../src/**/*.entity.ts', { eager: true }));
const HOUR = 3_600_000;

/**
 * 科室工作台's buckets are computed by the database (departmentInboxPage, departmentInboxCounts);
 * `inboxBucketOf` is the rule the API shows per case (Handling.inboxBucket). Both must agree on
 * every case, at the edges too: just past the deadline, exactly at the 80 % mark, no deadline,
 * replied cases near or past their deadline.
 */
describe('科室工作台 buckets: the SQL agrees with inboxBucketOf', () => {
  let infra: Infra;
  let orm: MikroORM;
  const dept = randomUUID();
  const other = randomUUID();
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const handler: AuthUser = { id: randomUUID(), username: 'h', displayName: '承办人', role: 'handler', departmentId: dept };

  /** [stage, hours since dispatch, hours to the deadline (null: none)] */
  const shapes: Array<[DispatchStage, number | null, number | null]> = [
    ['dispatched', 10, 90], // new
    ['dispatched', 80, 20], // at 80 % exactly: due soon
    ['dispatched', 79, 21], // just before the mark: new
    ['accepted', 50, 50], // in progress
    ['accepted', 95, 5], // due soon
    ['accepted', 100, -0.001], // 3.6 s past: overdue
    ['accepted', 10, null], // no deadline: in progress
    ['dispatched', null, 1], // no dispatch time: only past the deadline counts, so new
    ['dispatched', null, -1], // overdue
    ['replied', 99, 1], // replied: never due soon
    ['replied', 120, -20], // nor overdue
  ];

  beforeAll(async () => {
    infra = await startInfra('dispatch-inbox');
    await infra.ensureDatabase('inbox');
    orm = (await openOrm({ url: infra.databaseUrl('inbox'), entities, migrations, poolMax: 2 })) as unknown as MikroORM;
    const em = orm.em.fork();
    const row = (i: number, stage: DispatchStage, since: number | null, left: number | null, over: Partial<DispatchCase> = {}) =>
      em.create(DispatchCase, {
        id: randomUUID(),
        externalNo: `IB-${String(i).padStart(3, '0')}`,
        topic: 'housing',
        requestType: 'complaint',
        urgency: 'normal',
        receivedAt: new Date(now.getTime() - 200 * HOUR),
        stage,
        title: i === 4 ? '楼道照明损坏' : `工单 ${i}`,
        leadDepartmentId: dept,
        dispatchedAt: since === null ? null : new Date(now.getTime() - since * HOUR),
        handleDeadlineAt: left === null ? null : new Date(now.getTime() + left * HOUR),
        ...over,
      });
    shapes.forEach(([stage, since, left], i) => row(i, stage, since, left));
    row(90, 'accepted', 10, 10, { leadDepartmentId: other, assistDepartmentIds: [dept] }); // assisting: held, in progress
    row(91, 'accepted', 10, 10, { leadDepartmentId: other }); // another department's
    row(92, 'dispatched', 10, 10, { mergedIntoCaseId: randomUUID() }); // merged (并单): no longer held
    row(93, 'completed', 10, 10); // done
    await em.flush();
  }, 120_000);

  afterAll(async () => {
    await orm?.close(true);
    await infra?.stop();
  });

  it('each bucket holds exactly the cases inboxBucketOf puts there; counts and pages agree', async () => {
    const em = orm.em.fork();
    const held = await departmentInbox(em, handler, null, now);
    expect(held.map((c) => c.externalNo).sort()).toEqual([...shapes.map((_, i) => `IB-${String(i).padStart(3, '0')}`), 'IB-090'].sort());
    const expected = { new: [] as string[], inProgress: [] as string[], dueSoon: [] as string[], overdue: [] as string[] };
    for (const c of held) expected[inboxBucketOf(c, now)].push(c.externalNo);
    expect(expected.new.length && expected.inProgress.length && expected.dueSoon.length && expected.overdue.length).toBeGreaterThan(0);

    for (const bucket of ['new', 'inProgress', 'dueSoon', 'overdue'] as const) {
      const page = await departmentInboxPage(orm.em.fork(), handler, { offset: 0, limit: 50 }, bucket, null, now);
      expect(page.items.map((c) => c.externalNo).sort(), bucket).toEqual(expected[bucket].sort());
      expect(page.total, bucket).toBe(expected[bucket].length);
    }
    const counts = await departmentInboxCounts(orm.em.fork(), handler, now);
    expect(counts).toMatchObject({
      new: expected.new.length,
      inProgress: expected.inProgress.length,
      dueSoon: expected.dueSoon.length,
      overdue: expected.overdue.length,
    });
    expect(expected.dueSoon.sort()).toEqual(['IB-001', 'IB-004']);
    expect(expected.overdue.sort()).toEqual(['IB-005', 'IB-008']);
  });

  it('pages nearest deadline first and filters by title or number', async () => {
    const all = await departmentInboxPage(orm.em.fork(), handler, { offset: 0, limit: 50 }, null, null, now);
    const second = await departmentInboxPage(orm.em.fork(), handler, { offset: 5, limit: 5 }, null, null, now);
    expect(second.total).toBe(all.total);
    expect(second.items.map((c) => c.id)).toEqual(all.items.slice(5, 10).map((c) => c.id));
    const withDeadline = all.items.filter((c) => c.handleDeadlineAt).map((c) => c.handleDeadlineAt!.getTime());
    expect(withDeadline).toEqual([...withDeadline].sort((a, b) => a - b));
    expect(all.items.at(-1)!.handleDeadlineAt).toBeNull(); // no deadline: last
    expect((await departmentInboxPage(orm.em.fork(), handler, { offset: 0, limit: 10 }, null, '楼道照明', now)).items.map((c) => c.externalNo)).toEqual([
      'IB-004',
    ]);
    expect((await departmentInboxPage(orm.em.fork(), handler, { offset: 0, limit: 10 }, 'overdue', 'IB-008', now)).total).toBe(1);
    expect((await departmentInboxPage(orm.em.fork(), handler, { offset: 0, limit: 10 }, 'new', 'IB-008', now)).total).toBe(0);
  });
});
