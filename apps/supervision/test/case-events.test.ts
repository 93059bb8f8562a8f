import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, EventEnvelope } from '@hotline/contracts';
import { AuthUser, entityClassesOf, openOrm } from '@hotline/service-kit';
import { Infra, startInfra } from '@hotline/testing';
import { CalendarStore, seedCalendar } from '../src/calendar/calendar-store';
import { CaseProjection } from '../src/cases/case-projection.entity';
import { applyCaseEvent, engineContext } from '../src/clocks/apply-case-event';
import { Clock } from '../src/clocks/clock.entity';
import { verifyCaseClocks } from '../src/clocks/rebuild';
import { DefinitionStore, seedDefinitions } from '../src/definitions/definition-store';
import { migrations } from '../src/migrations';
import { activeSteps, saveLadderStep, seedLadder } from '../src/urging/ladder';
import { receivedEvent } from './received-event';

const entities = entityClassesOf(import.meta.glob('../src/**/*.entity.ts', { eager: true }));

/**
 * The clocks' consumer on real PostgreSQL, its handler run in a transaction as the kit runs it: a
 * received case gets its projection, history, clock, alarms and event; the same order again (or
 * the same event redelivered) changes nothing; later events find the case; and a change of the
 * 催办 ladder applies to the next case at once (the steps are cached per process).
 */
describe('supervision: case events into the projection and the clocks', () => {
  let infra: Infra;
  let orm: MikroORM;
  const deps = { calendars: new CalendarStore([]), definitions: new DefinitionStore() };
  const admin: AuthUser = { id: randomUUID(), username: 'admin', displayName: '管理员', role: 'admin' };
  const actor = { system: 'test' };

  const received = (caseId: string, extra: Record<string, unknown> = {}) => receivedEvent(caseId, { externalNo: `CE-${caseId.slice(0, 8)}`, ...extra });
  const signed = (caseId: string) =>
    createEvent({
      type: 'hotline.case.signed',
      source: 'intake',
      actor,
      caseId,
      data: { externalNo: `CE-${caseId.slice(0, 8)}`, signedAt: new Date().toISOString() },
    } as never) as EventEnvelope;
  const deliver = (e: EventEnvelope) => orm.em.fork().transactional((tx: EntityManager) => applyCaseEvent(tx, e, deps));
  const rows = <T>(sql: string, params: unknown[]) => orm.em.fork().execute<T[]>(sql, params);
  const clocks = (caseId: string) => orm.em.fork().find(Clock, { caseId }, { orderBy: { startedAt: 'asc', kind: 'asc' } });
  const urgeShares = async (caseId: string) =>
    (
      await rows<{ share_pct: number }>(
        `select a.share_pct from sup_clock_alarm a join sup_clock c on c.id = a.clock_id where c.case_id = ? and a.kind = 'urge' order by a.share_pct`,
        [caseId],
      )
    ).map((r) => r.share_pct);
  const outbox = async (caseId: string) =>
    (await rows<{ subject: string }>('select subject from kit_outbox where case_id = ? order by seq', [caseId])).map((r) => r.subject);
  const history = async (caseId: string) =>
    (await rows<{ type: string }>('select type from sup_case_event where case_id = ? order by seq', [caseId])).map((r) => r.type);

  beforeAll(async () => {
    infra = await startInfra('supervision-case-events');
    await infra.ensureDatabase('clocks');
    orm = await openOrm({ url: infra.databaseUrl('clocks'), entities, migrations });
    await seedCalendar(orm.em.fork());
    await seedDefinitions(orm.em.fork());
    await seedLadder(orm.em.fork());
  });
  afterAll(async () => {
    await orm?.close();
    await infra?.stop();
  });

  it('a received case: projection, history, its 签收 clock with warnings, breach and 催办 steps, and clock.started; again changes nothing', async () => {
    const caseId = randomUUID();
    const e = received(caseId);
    await deliver(e);
    const p = await orm.em.fork().findOneOrFail(CaseProjection, { id: caseId });
    expect(p).toMatchObject({
      externalNo: `CE-${caseId.slice(0, 8)}`,
      title: '楼道灯不亮',
      requestType: 'complaint',
      topic: '物业',
      tier: 'general',
      urgency: 'normal',
      leadDepartmentId: null,
      assistDepartmentIds: [],
      completedAt: null,
      historical: false,
    });
    expect(p.receivedAt.toISOString()).toBe((e.data as { receivedAt: string }).receivedAt);
    expect((await clocks(caseId)).map((c) => [c.kind, c.state])).toEqual([['sign', 'running']]);
    const alarms = await rows<{ mark: string; fire_at: Date | null }>(
      'select a.mark, a.fire_at from sup_clock_alarm a join sup_clock c on c.id = a.clock_id where c.case_id = ? order by a.share_pct, a.mark',
      [caseId],
    );
    expect(alarms.map((a) => a.mark.replace(/^urge:.*/, 'urge'))).toEqual(['warn:50', 'warn:75', 'urge', 'warn:90', 'breach', 'urge', 'urge']);
    expect(alarms.every((a) => a.fire_at)).toBe(true);
    expect(await urgeShares(caseId)).toEqual([80, 100, 150]);
    expect(await outbox(caseId)).toEqual(['hotline.clock.started']);

    await deliver(e); // a redelivery (the kit's inbox aside)
    await deliver(received(caseId)); // the same order received again, as another event
    expect((await clocks(caseId)).length).toBe(1);
    expect(await outbox(caseId)).toEqual(['hotline.clock.started']);
    expect(await history(caseId)).toEqual(['hotline.case.received', 'hotline.case.received']);

    const ctx = await engineContext(orm.em.fork(), deps);
    expect(await verifyCaseClocks(orm.em.fork(), ctx, caseId)).toMatchObject({ identical: true, stored: 1, rebuilt: 1 });
  });

  it('a later event finds the case and moves its clocks; before the case is received it is refused (retried)', async () => {
    const early = randomUUID();
    await expect(deliver(signed(early))).rejects.toThrow('not yet known');
    expect(await history(early)).toEqual([]);

    const caseId = randomUUID();
    await deliver(received(caseId));
    await deliver(signed(caseId));
    expect((await clocks(caseId)).map((c) => [c.kind, c.state, c.outcome])).toEqual([
      ['sign', 'stopped', 'met'],
      ['dispatch', 'running', null],
    ]);
    expect((await outbox(caseId)).sort()).toEqual(['hotline.clock.started', 'hotline.clock.started', 'hotline.clock.stopped']);
    expect(await history(caseId)).toEqual(['hotline.case.received', 'hotline.case.signed']);
  });

  it('imported history (received completed) is kept in the projection but runs no clocks', async () => {
    const caseId = randomUUID();
    await deliver(received(caseId, { completedAt: new Date().toISOString() }));
    expect(await orm.em.fork().findOneOrFail(CaseProjection, { id: caseId })).toMatchObject({ historical: true });
    expect(await clocks(caseId)).toEqual([]);
    expect(await outbox(caseId)).toEqual([]);
  });

  it('a change of the 催办 ladder applies to the next case at once: a share moved, a step switched off, a step added', async () => {
    const before = randomUUID();
    await deliver(received(before)); // the steps are cached now
    expect(await urgeShares(before)).toEqual([80, 100, 150]);

    const steps = await activeSteps(orm.em.fork());
    const step = (pct: number) => steps.find((s) => s.sharePct === pct)!;
    const edit = (s: ReturnType<typeof step>, change: Record<string, unknown>) =>
      saveLadderStep(orm.em.fork(), admin, {
        id: s.id,
        name: s.name,
        clockKinds: s.clockKinds,
        sharePct: s.sharePct,
        level: s.level,
        recipients: s.recipients,
        active: s.active,
        ...change,
      });

    await edit(step(80), { sharePct: 70 });
    const moved = randomUUID();
    await deliver(received(moved));
    expect(await urgeShares(moved)).toEqual([70, 100, 150]);

    await edit(step(150), { active: false });
    const off = randomUUID();
    await deliver(received(off));
    expect(await urgeShares(off)).toEqual([70, 100]);

    await saveLadderStep(orm.em.fork(), admin, { name: '超期再催', sharePct: 120, level: 'escalation', recipients: ['leader'] });
    const added = randomUUID();
    await deliver(received(added));
    expect(await urgeShares(added)).toEqual([70, 100, 120]);

    // Only for the kinds a step names: a step for 办理 clocks leaves the 签收 clock alone.
    await edit(step(100), { clockKinds: ['handle'] });
    const kinds = randomUUID();
    await deliver(received(kinds));
    expect(await urgeShares(kinds)).toEqual([70, 120]);

    expect(await urgeShares(before)).toEqual([80, 100, 150]); // planned clocks keep their alarms
  });
});
