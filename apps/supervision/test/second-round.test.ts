import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@hotline/contracts';
import { AuthUser, DomainError, entityClassesOf, openOrm } from '@hotline/service-kit';
import { Infra, startInfra } from '@hotline/testing';
import { CalendarStore, seedCalendar } from '../src/calendar/calendar-store';
import { CaseProjection } from '../src/cases/case-projection.entity';
import { migrations } from '../src/migrations';
import { callbackResultsConsumer } from '../src/second-round/callback-results.consumer';
import { openByHand } from '../src/second-round/open-by-hand';
import { SecondSupervision } from '../src/second-round/second-supervision.entity';

const entities = entityClassesOf(import.meta.glob('../src/**/*.entity.ts', { eager: true }));
const bj = (s: string) => new Date(`${s}+08:00`);

/**
 * 二次督办 in supervision, on real PostgreSQL with the consumer's handler run in a transaction as
 * the kit runs it: callback's results open and close rounds (in order per case, idempotent on
 * redelivery), the deadline counts working days on the calendar, and a supervisor's round by hand
 * wins over a result that arrives for a round already left behind.
 */
describe('supervision: 二次督办 from callback results and by hand', () => {
  let infra: Infra;
  let orm: MikroORM;
  const deps = { calendars: new CalendarStore([]), workingDays: 5 };
  const consumer = callbackResultsConsumer(deps);
  const agentId = randomUUID();
  const supervisor: AuthUser = { id: randomUUID(), username: 'supervisor', displayName: '督办员', role: 'supervisor' };
  const dept = randomUUID();

  const result = (caseId: string, round: number, answer: { resolved: boolean; satisfaction: string }, at: string, reopen?: string) =>
    createEvent({
      type: 'hotline.callback.completed',
      source: 'callback',
      actor: { userId: agentId, role: 'callback' },
      caseId,
      data: {
        externalNo: `SR-${caseId.slice(0, 8)}`,
        taskId: randomUUID(),
        round,
        departmentId: dept,
        reached: true,
        ...answer,
        completedAt: bj(at).toISOString(),
        ...(reopen ? { reopen: { reason: reopen } } : {}),
      },
    } as never);
  const deliver = (e: ReturnType<typeof result>) =>
    orm.em.fork().transactional((tx: EntityManager) => consumer.handlers['hotline.callback.completed']!(e as never, tx));
  const rounds = (caseId: string) => orm.em.fork().find(SecondSupervision, { caseId }, { orderBy: { round: 'asc' } });
  const events = async (caseId: string) =>
    (await orm.em
      .fork()
      .execute<Array<{ subject: string; payload: { data: Record<string, unknown>; source: string } }>>(
        'select subject, payload from kit_outbox where case_id = ? order by seq',
        [caseId],
      )) as Array<{ subject: string; payload: { data: Record<string, unknown>; source: string } }>;

  async function completedCase(completedAt: string): Promise<string> {
    const id = randomUUID();
    const em = orm.em.fork();
    em.create(CaseProjection, {
      id,
      externalNo: `SR-${id.slice(0, 8)}`,
      requestType: 'complaint',
      topic: '物业',
      tier: 'general',
      urgency: 'normal',
      leadDepartmentId: dept,
      receivedAt: bj('2026-09-20T09:00:00'),
      completedAt: bj(completedAt),
    });
    await em.flush();
    return id;
  }

  beforeAll(async () => {
    infra = await startInfra('supervision-second-round');
    await infra.ensureDatabase('rounds');
    orm = await openOrm({ url: infra.databaseUrl('rounds'), entities, migrations });
    await seedCalendar(orm.em.fork());
  });
  afterAll(async () => {
    await orm?.close();
    await infra?.stop();
  });

  it('a dissatisfied result opens round 2, due after 5 working days across 国庆 and its 调休 Saturday; a redelivery changes nothing', async () => {
    const caseId = await completedCase('2026-09-28T10:00:00');
    // Recorded Tuesday 2026-09-29 10:00; 10-01…10-07 are 国庆 holidays and Saturday 10-10 is a working day.
    const e = result(caseId, 1, { resolved: false, satisfaction: 'dissatisfied' }, '2026-09-29T10:00:00', '市民称仍未修好，电话138****5678');
    await deliver(e);
    await deliver(e); // the same event again (a redelivery): nothing new
    const [r2, ...more] = await rounds(caseId);
    expect(more).toEqual([]);
    expect(r2).toMatchObject({
      round: 2,
      status: 'open',
      trigger: 'callback',
      openedBy: agentId,
      departmentId: dept,
      reason: '市民称仍未修好，电话138****5678',
    });
    // Working days after 09-29 10:00: 09-30, 10-08, 10-09, 10-10 (调休), 10-12 → 10-12 10:00.
    expect(r2.dueAt.toISOString()).toBe(bj('2026-10-12T10:00:00').toISOString());
    const ev = await events(caseId);
    expect(ev.map((x) => x.subject)).toEqual(['hotline.case.reopened', 'hotline.supervision.opened']);
    expect(ev[0].payload).toMatchObject({ source: 'supervision', data: { round: 2, trigger: 'callback', dueAt: r2.dueAt.toISOString(), departmentId: dept } });
  });

  it("round 2's result closes its 二次督办 with the outcome; the rounds used up, nothing more opens", async () => {
    const caseId = await completedCase('2026-11-02T10:00:00');
    await deliver(result(caseId, 1, { resolved: false, satisfaction: 'basically' }, '2026-11-03T10:00:00', '仍有遗留问题'));
    await deliver(result(caseId, 2, { resolved: true, satisfaction: 'satisfied' }, '2026-11-12T10:00:00'));
    expect((await rounds(caseId)).map((s) => [s.round, s.status, s.outcome])).toEqual([[2, 'closed', 'resolved']]);
    const other = await completedCase('2026-11-02T10:00:00');
    await deliver(result(other, 1, { resolved: true, satisfaction: 'dissatisfied' }, '2026-11-03T10:00:00', '不满意'));
    await deliver(result(other, 2, { resolved: false, satisfaction: 'dissatisfied' }, '2026-11-12T10:00:00')); // no `reopen`: callback's rounds used up
    expect((await rounds(other)).map((s) => [s.round, s.status, s.outcome])).toEqual([[2, 'closed', 'unresolved']]);
    expect((await events(other)).map((x) => x.subject)).toEqual(['hotline.case.reopened', 'hotline.supervision.opened', 'hotline.supervision.closed']);
  });

  it('by hand: refused until completed and while a round is open, with nothing written; a late result of the left round opens nothing', async () => {
    const caseId = await completedCase('2026-11-02T10:00:00');
    const em = orm.em.fork();
    await em.nativeUpdate(CaseProjection, { id: caseId }, { completedAt: null });
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: DomainError) => e.reason,
      );
    expect(await refused(openByHand(orm.em.fork(), supervisor, { caseId, explanation: '区级回访不满意' }, deps))).toBe('CASE_NOT_COMPLETED');
    expect(await refused(openByHand(orm.em.fork(), supervisor, { caseId: randomUUID(), explanation: '区级回访不满意' }, deps))).toBe('NOT_FOUND');
    expect(await rounds(caseId)).toEqual([]);
    await em.nativeUpdate(CaseProjection, { id: caseId }, { completedAt: bj('2026-11-03T09:00:00') });
    const s = await openByHand(
      orm.em.fork(),
      supervisor,
      { caseId, explanation: '区级平台回访显示未解决，联系电话13812345678' },
      deps,
      bj('2026-11-04T09:00:00'),
    );
    expect(s).toMatchObject({ round: 2, trigger: 'supervisor', openedBy: supervisor.id, reason: '区级平台回访显示未解决，联系电话138****5678' });
    expect(await refused(openByHand(orm.em.fork(), supervisor, { caseId, explanation: '再次发起' }, deps))).toBe('SUPERVISION_OPEN');
    // The agent's round-1 result arrives after the supervisor moved the case on: round 2 is not opened twice.
    await deliver(result(caseId, 1, { resolved: false, satisfaction: 'dissatisfied' }, '2026-11-04T10:00:00', '市民不满意'));
    expect((await rounds(caseId)).map((r) => [r.round, r.trigger, r.status])).toEqual([[2, 'supervisor', 'open']]);
    expect(JSON.stringify(await events(caseId))).not.toContain('13812345678');
    // Round 2's callback closes it; the case's 办结 seen so far is round 1's: not completed in round 2 yet.
    await deliver(result(caseId, 2, { resolved: true, satisfaction: 'satisfied' }, '2026-11-12T10:00:00'));
    expect(await refused(openByHand(orm.em.fork(), supervisor, { caseId, explanation: '区级平台仍不满意' }, deps))).toBe('CASE_NOT_COMPLETED');
    await em.nativeUpdate(CaseProjection, { id: caseId }, { completedAt: bj('2026-11-11T16:00:00') }); // round 2's 办结
    const third = await openByHand(orm.em.fork(), supervisor, { caseId, explanation: '区级平台仍不满意' }, deps, bj('2026-11-13T09:00:00'));
    expect(third).toMatchObject({ round: 3, status: 'open' });
    expect((await rounds(caseId)).map((r) => [r.round, r.status, r.outcome])).toEqual([
      [2, 'closed', 'resolved'],
      [3, 'open', null],
    ]);
  });
});
