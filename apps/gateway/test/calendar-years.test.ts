import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as } from './helpers';
import { departments } from './dispatch-helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

/**
 * 工作日历 from supervision: the year an administrator loads goes out as
 * `hotline.calendar.year-loaded`, and the services that count working days take it from there
 * (publicity's episode tasks here). 2097: a year of this file's own (supervision-clocks uses 2099).
 */
describe('a calendar year loaded in supervision reaches publicity', () => {
  let admin: GraphQLClient, supervisor: GraphQLClient;
  let partner: Partner;
  let propertyId: string;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.calendar.>');
    [admin, supervisor] = await Promise.all([as('admin'), as('supervisor')]);
    propertyId = (await departments(supervisor)).property;
  });
  afterAll(async () => {
    await partner?.close();
  });

  const schedule = async () => {
    const r = await supervisor.request<{ scheduleEpisode: { tasks: Array<{ phase: string; dueAt: string }> } }>(
      'mutation($i: ScheduleEpisodeInput!) { scheduleEpisode(input: $i) { tasks { phase dueAt } } }',
      { i: { topic: '日历测试：2097年3月节目', airDate: '2097-03-18', departmentIds: [propertyId] } },
    );
    return r.scheduleEpisode.tasks.find((t) => t.phase === 'preparation')!.dueAt;
  };

  it("before: natural days past the bundled years; after the load: the notice's holidays count", async () => {
    // 3 days before Monday 18 March 2097, counted as natural days: the Friday before.
    expect(await schedule()).toBe(new Date('2097-03-15T23:59:59+08:00').toISOString());
    const load = await admin.raw<{ loadCalendarYear: { year: number } }>('mutation($i: LoadCalendarYearInput!) { loadCalendarYear(input: $i) { year } }', {
      i: {
        year: 2097,
        days: [
          { date: '2097-03-13', working: false, name: '测试假日' },
          { date: '2097-03-14', working: false, name: '测试假日' },
        ],
        note: '日历同步测试',
      },
    });
    expect(load.errors).toBeUndefined();
    const ev = await eventually(
      async () => partner.messages.find((m) => m.subject === 'hotline.calendar.year-loaded' && (m.json.data as { year: number }).year === 2097),
      { what: 'hotline.calendar.year-loaded' },
    );
    expect(ev.json.data).toMatchObject({
      year: 2097,
      days: [
        { date: '2097-03-13', working: false, name: '测试假日' },
        { date: '2097-03-14', working: false, name: '测试假日' },
      ],
    });
    // On the loaded calendar: Fri 15, then (Wed 13 and Thu 14 off) Tue 12, Mon 11 → the end of Monday 11 March.
    const expected = new Date('2097-03-11T23:59:59+08:00').toISOString();
    await eventually(async () => (await schedule()) === expected, { what: 'publicity counting on the loaded year' });
  });
});
