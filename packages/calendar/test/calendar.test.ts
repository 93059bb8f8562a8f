import { afterAll, describe, expect, it } from 'vitest';
import { LegalHoliday, SolarDay } from 'tyme4ts';
import {
  addWorkingDays,
  addWorkingHours,
  addWorkingTime,
  beijingDate,
  CalendarError,
  createCalendar,
  dayInfo,
  seedOverrides,
  seedYears,
  workingTimeBetween,
  yearDays,
} from '../src';

const at = (s: string) => new Date(s);
const H = 3_600_000;
const full = createCalendar({ years: [2024, 2025, 2026], overrides: seedOverrides([2024, 2025, 2026]) });
const office = createCalendar({
  years: [2024, 2025, 2026],
  overrides: seedOverrides([2024, 2025, 2026]),
  workingHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
});
const only2025 = createCalendar({ years: [2025], overrides: seedOverrides([2025]) });

function refusedYear(fn: () => unknown, year: number) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    expect((e as CalendarError).code).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect((e as CalendarError).year).toBe(year);
    return;
  }
  throw new Error('expected CALENDAR_YEAR_NOT_LOADED');
}

// The same suite under a UTC server, a New York server (with DST) and Beijing: answers must not move.
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

describe.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('working calendar with the process in %s', (tz) => {
  it('really runs in that time zone', () => {
    process.env.TZ = tz;
    const offset = new Date('2026-07-01T00:00:00Z').getTimezoneOffset();
    expect(offset).toBe({ UTC: 0, 'America/New_York': 240, 'Asia/Shanghai': -480 }[tz]);
  });

  it('agrees with tyme4ts on every day of 2024–2026', () => {
    let days = 0;
    for (const year of [2024, 2025, 2026]) {
      for (const d of yearDays(full, year)) {
        const [y, m, dd] = d.date.split('-').map(Number);
        const legal = LegalHoliday.fromYmd(y, m, dd);
        const expected = legal ? legal.isWork() : ![0, 6].includes(SolarDay.fromYmd(y, m, dd).getWeek().getIndex());
        if (d.working !== expected) throw new Error(`${d.date}: ours ${d.working}, tyme4ts ${expected}`);
        // Names differ in wording (清明 / 清明节, 国庆节 / 国庆中秋): each day the notice names has one.
        if (legal && d.kind !== 'weekend') expect(d.name).toBeTruthy();
        days++;
      }
    }
    expect(days).toBe(366 + 365 + 365);
  });

  it('Spring Festival 2026: nine days off, and the two swapped Saturdays work', () => {
    expect(dayInfo(full, '2026-02-14')).toEqual({ date: '2026-02-14', working: true, kind: 'swapped-workday', name: '春节调休' });
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23'])
      expect(dayInfo(full, d)).toMatchObject({ working: false, kind: 'holiday', name: '春节' });
    expect(dayInfo(full, '2026-02-24')).toMatchObject({ working: true, kind: 'workday' });
    expect(dayInfo(full, '2026-02-28')).toMatchObject({ working: true, kind: 'swapped-workday' });
    expect(dayInfo(full, '2026-03-01')).toMatchObject({ working: false, kind: 'weekend', name: null });
  });

  it('National Day 2025 (with 中秋): 1–8 October off, 28 September and 11 October work', () => {
    expect(dayInfo(full, '2025-09-28').working).toBe(true);
    for (let d = 1; d <= 8; d++) expect(dayInfo(full, `2025-10-0${d}`).working).toBe(false);
    expect(dayInfo(full, '2025-10-11')).toMatchObject({ working: true, kind: 'swapped-workday' });
    expect(dayInfo(full, '2025-10-12')).toMatchObject({ working: false, kind: 'weekend' });
  });

  it('a deadline of 7 working days across National Day 2026', () => {
    // Dispatched Wed 30 Sep 10:00; 1–7 Oct off, Sat 10 Oct works: the 7 working days are
    // 8, 9, 10, 12, 13, 14 and 15 October → due Thu 15 Oct 10:00 (natural time would say 7 Oct).
    const due = addWorkingDays(full, at('2026-09-30T10:00:00+08:00'), 7);
    expect(due.toISOString()).toBe(at('2026-10-15T10:00:00+08:00').toISOString());
    // Across Spring Festival: Fri 13 Feb 16:00 + 2 working days → Sat 14 (调休) is one, then Tue 24.
    expect(addWorkingDays(full, at('2026-02-13T16:00:00+08:00'), 2).toISOString()).toBe(at('2026-02-24T16:00:00+08:00').toISOString());
  });

  it('a clock started on a holiday begins with the next working day', () => {
    expect(addWorkingDays(full, at('2026-10-03T15:00:00+08:00'), 1).toISOString()).toBe(at('2026-10-09T00:00:00+08:00').toISOString());
    expect(addWorkingHours(office, at('2026-10-03T15:00:00+08:00'), 1).toISOString()).toBe(at('2026-10-08T10:00:00+08:00').toISOString());
  });

  it('year end: 31 Dec 2025 + 2 working days skips New Year 2026 and counts Sunday 4 January', () => {
    expect(dayInfo(full, '2026-01-04')).toMatchObject({ working: true, kind: 'swapped-workday', name: '元旦调休' });
    expect(addWorkingDays(full, at('2025-12-31T09:00:00+08:00'), 2).toISOString()).toBe(at('2026-01-05T09:00:00+08:00').toISOString());
  });

  it('refuses to compute into a year that is not loaded, never guessing', () => {
    refusedYear(() => addWorkingDays(only2025, at('2025-12-31T09:00:00+08:00'), 2), 2026);
    refusedYear(() => dayInfo(full, '2027-01-04'), 2027);
    refusedYear(() => addWorkingDays(full, at('2026-12-30T09:00:00+08:00'), 5), 2027);
    refusedYear(() => yearDays(full, 2023), 2023);
    // Inside the loaded year it still answers.
    expect(addWorkingDays(only2025, at('2025-12-30T09:00:00+08:00'), 1).toISOString()).toBe(at('2025-12-31T09:00:00+08:00').toISOString());
  });

  it('a Beijing date is computed from the instant, not the process time zone', () => {
    // 2026-02-15 00:30 in Beijing is 2026-02-14 16:30 UTC: it is 春节 (off), not the swapped Saturday.
    const t = at('2026-02-15T00:30:00+08:00');
    expect(beijingDate(t)).toBe('2026-02-15');
    expect(dayInfo(full, beijingDate(t)).working).toBe(false);
    expect(beijingDate(at('2026-02-14T23:59:59.999+08:00'))).toBe('2026-02-14');
  });

  it('intervals are half-open: [from, to)', () => {
    const mon = at('2026-03-02T00:00:00+08:00');
    const tue = at('2026-03-03T00:00:00+08:00');
    expect(workingTimeBetween(full, mon, tue)).toBe(24 * H);
    expect(workingTimeBetween(full, tue, tue)).toBe(0);
    expect(workingTimeBetween(full, tue, mon)).toBe(0);
    // Friday 18:00 → Monday 09:00 with office hours: nothing worked.
    expect(workingTimeBetween(office, at('2026-03-06T18:00:00+08:00'), at('2026-03-09T09:00:00+08:00'))).toBe(0);
    expect(workingTimeBetween(office, at('2026-03-09T09:00:00+08:00'), at('2026-03-09T09:00:00.001+08:00'))).toBe(1);
    // 12:00 is outside the morning window, 13:30 inside the afternoon one.
    expect(workingTimeBetween(office, at('2026-03-09T11:00:00+08:00'), at('2026-03-09T14:30:00+08:00'))).toBe(2 * H);
  });

  it('working hours: a deadline ends at the end of a window, not the next morning', () => {
    // 7 working hours a day: from Mon 09:00, 7 h → Mon 17:30 exactly.
    expect(addWorkingHours(office, at('2026-03-09T09:00:00+08:00'), 7).toISOString()).toBe(at('2026-03-09T17:30:00+08:00').toISOString());
    expect(addWorkingHours(office, at('2026-03-09T11:00:00+08:00'), 2).toISOString()).toBe(at('2026-03-09T14:30:00+08:00').toISOString());
    // 2 working days from Friday 16:00 before Labour Day 2026 (1–5 May off, Sat 9 May works).
    expect(addWorkingDays(office, at('2026-04-30T16:00:00+08:00'), 2).toISOString()).toBe(at('2026-05-07T16:00:00+08:00').toISOString());
    // adding then measuring gives the amount back
    const from = at('2026-09-29T15:10:00+08:00');
    for (const h of [0.5, 3, 7, 20, 70]) expect(workingTimeBetween(office, from, addWorkingHours(office, from, h))).toBe(h * H);
    expect(addWorkingTime(office, from, 0)).toEqual(from);
  });

  it('bad input is refused with a code', () => {
    expect(() => dayInfo(full, '2026-02-30')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => addWorkingDays(full, at('2026-03-02T00:00:00Z'), -1)).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT' }));
    expect(() => createCalendar({ years: [2026], overrides: [], workingHours: [{ start: '13:00', end: '12:00' }] })).toThrow(
      expect.objectContaining({ code: 'INVALID_WORKING_HOURS' }),
    );
    expect(() =>
      createCalendar({
        years: [2026],
        overrides: [],
        workingHours: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '14:00' },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_WORKING_HOURS' }));
  });
});

describe('the seed', () => {
  it('covers 2004–2026 and names each holiday in Chinese', () => {
    expect(seedYears()[0]).toBe(2004);
    expect(seedYears().at(-1)).toBe(2026);
    const o = seedOverrides([2026]);
    expect(o.filter((d) => !d.working).length).toBe(33);
    expect(o.filter((d) => d.working).map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});
