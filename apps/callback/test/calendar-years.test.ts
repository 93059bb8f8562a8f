import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoadedCalendar } from '@hotline/calendar';
import { createEvent, type EventType } from '@hotline/contracts';
import { calendarYears, ConsumerDefinition, createLogger, entityClassesOf, openOrm } from '@hotline/service-kit';
import { Infra, startInfra } from '@hotline/testing';
import { calendarYearsConsumer } from '../src/calendar/calendar-years.consumer';
import { workingCalendarOf } from '../src/calendar/working-calendar';
import { caseEventsConsumer } from '../src/cases/case-events.consumer';
import type { CallbackSettings } from '../src/context';
import { migrations } from '../src/migrations';

const entities = entityClassesOf(import.meta.glob('../src/**/*.entity.ts', { eager: true }));
const bj = (s: string) => new Date(`${s}+08:00`);
const hours = { start: 9, end: 18 };

/**
 * 工作日历 from supervision, as callback keeps it: a `hotline.calendar.year-loaded` handled by
 * callback's own consumer moves the due time of the callback tasks its case consumer opens — from
 * natural days (past the bundled years every day counts) onto the year's holidays, weekends and
 * 调休 — and a restarted callback finds the year again in its table. Real PostgreSQL, the real
 * consumers' handlers, each event in a transaction as the kit runs it.
 *
 * Why not through the gateway: a task's due time counts from its 办结, which is now; until the
 * end of a year no real flow reaches a year that is not bundled. The events here carry the dates.
 * 2027: no package bundles it yet (docs/architecture.md); the notice's days below are made up for
 * the test (元旦 on a Friday, a 调休 Saturday), only the rule matters.
 */
describe('callback: a calendar year loaded in supervision moves callback due times', () => {
  let infra: Infra;
  let orm: MikroORM;
  const loaded = new LoadedCalendar();
  const years = calendarYears('callback_calendar_year', loaded);
  const settings: CallbackSettings = {
    calendar: workingCalendarOf(loaded),
    hours,
    retry: { maxAttempts: 3, retryMinutes: 120, hours },
    dueWorkingDays: 2,
    maxRounds: 2,
  };
  const cases = caseEventsConsumer(settings);
  const calendar = calendarYearsConsumer(years);

  const handle = (consumer: ConsumerDefinition, type: EventType, data: Record<string, unknown>, caseId?: string) =>
    orm.em.fork().transactional((tx: EntityManager) =>
      consumer.handlers[type]!(
        createEvent({
          type,
          source: type.startsWith('hotline.calendar') ? 'supervision' : 'dispatch',
          actor: { system: 'test' },
          ...(caseId ? { caseId } : {}),
          data,
        } as never) as never,
        tx,
      ),
    );

  /** A case received and completed at `completedAt`; the due time of the callback task callback opens for it. */
  async function dueOfCaseCompletedAt(completedAt: string): Promise<string> {
    const caseId = randomUUID();
    const externalNo = `CAL-${caseId.slice(0, 8)}`;
    await handle(
      cases,
      'hotline.case.received',
      {
        externalNo,
        channel: 'manual',
        receivedAt: bj('2026-12-01T09:00:00').toISOString(),
        requestType: 'complaint',
        topic: '物业',
        urgency: 'normal',
        tier: 'general',
        title: '小区电梯停运',
        contentDigest: '电梯停运三天',
      },
      caseId,
    );
    await handle(
      cases,
      'hotline.case.completed',
      { externalNo, departmentId: randomUUID(), completedAt: bj(completedAt).toISOString(), result: 'solved', replyDigest: '已维修' },
      caseId,
    );
    const [row] = await orm.em.fork().execute<Array<{ due_at: Date }>>('select due_at from callback_task where case_id = ? and round = 1', [caseId]);
    return new Date(row.due_at).toISOString();
  }

  const year2027 = (loadedAt: string, days: Array<{ date: string; working: boolean; name: string | null }>) => ({ year: 2027, days, loadedAt });
  const NOTICE = [
    { date: '2027-01-01', working: false, name: '元旦' },
    { date: '2027-01-09', working: true, name: '测试调休上班' },
  ];

  beforeAll(async () => {
    infra = await startInfra('callback-calendar');
    await infra.ensureDatabase('calendar');
    orm = await openOrm({ url: infra.databaseUrl('calendar'), entities, migrations });
  });
  afterAll(async () => {
    await years.stop();
    await orm?.close(true);
    await infra?.stop();
  });

  it('before 2027 is loaded, its days count as natural days (a callback comes due earlier, never later)', async () => {
    // Thu 31 Dec 2026 15:00 + 2 days counted naturally → Sat 2 Jan 2027, end of working hours.
    expect(await dueOfCaseCompletedAt('2026-12-31T15:00:00')).toBe(bj('2027-01-02T18:00:00').toISOString());
    // Fri 8 Jan 2027 10:00 → Sun 10 Jan.
    expect(await dueOfCaseCompletedAt('2027-01-08T10:00:00')).toBe(bj('2027-01-10T18:00:00').toISOString());
  });

  it('after the year-loaded event: 元旦, weekends and the 调休 Saturday count', async () => {
    await handle(calendar, 'hotline.calendar.year-loaded', year2027('2026-12-05T08:00:00.000Z', NOTICE));
    // Fri 1 Jan 元旦, Sat 2 and Sun 3 off → Mon 4, Tue 5.
    expect(await dueOfCaseCompletedAt('2026-12-31T15:00:00')).toBe(bj('2027-01-05T18:00:00').toISOString());
    // Sat 9 Jan is worked (调休), Sun 10 is not → Sat 9, Mon 11.
    expect(await dueOfCaseCompletedAt('2027-01-08T10:00:00')).toBe(bj('2027-01-11T18:00:00').toISOString());
    expect(settings.calendar.dayName('2027-01-01')).toBe('元旦');
  });

  it('a redelivered older load changes nothing; a restarted callback restores the year from its table', async () => {
    await handle(calendar, 'hotline.calendar.year-loaded', year2027('2026-12-01T08:00:00.000Z', []));
    expect(await dueOfCaseCompletedAt('2026-12-31T15:00:00')).toBe(bj('2027-01-05T18:00:00').toISOString());

    const restarted = new LoadedCalendar();
    const again = calendarYears('callback_calendar_year', restarted);
    await again.start({ orm, log: createLogger('callback-test', 'silent') });
    await again.stop();
    const cal = workingCalendarOf(restarted);
    expect(['2027-01-01', '2027-01-02', '2027-01-09', '2027-01-10'].map((d) => cal.isWorkingDay(d))).toEqual([false, false, true, false]);
    expect(cal.dayName('2027-01-09')).toBe('测试调休上班');
  });
});
