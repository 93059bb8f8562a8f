import { describe, expect, it } from 'vitest';
import { CalendarError, dayInfo, isWorkingDay, LoadedCalendar, seedYears } from '../src';

describe("a service's loaded calendar: bundled years plus the years supervision loads", () => {
  it('starts with the bundled years and refuses a year not loaded', () => {
    const cal = new LoadedCalendar();
    const last = Math.max(...seedYears());
    expect(cal.data.years.has(last)).toBe(true);
    expect(() => dayInfo(cal.data, `${last + 1}-01-04`)).toThrow(CalendarError);
  });

  it('a loaded year is counted with its holidays and 调休 days; a replaced bundled year loses its old days', () => {
    const cal = new LoadedCalendar();
    cal.setYear(2027, [
      { date: '2027-01-01', working: false, name: '元旦' },
      { date: '2027-02-07', working: true, name: '春节调休' }, // a Sunday worked
      { date: '2026-12-31', working: false, name: '不属于该年' }, // ignored: outside the year
    ]);
    expect(cal.data.years.has(2027)).toBe(true);
    expect(isWorkingDay(cal.data, '2027-01-01')).toBe(false); // a Friday, holiday
    expect(isWorkingDay(cal.data, '2027-02-07')).toBe(true);
    expect(isWorkingDay(cal.data, '2027-02-06')).toBe(false); // an ordinary Saturday
    expect(isWorkingDay(cal.data, '2026-12-31')).toBe(true); // 2026 still the bundled notice
    expect(dayInfo(cal.data, '2026-10-01').working).toBe(false); // 国庆节, bundled
    cal.setYear(2026, []); // replaced by a notice without holidays
    expect(isWorkingDay(cal.data, '2026-10-01')).toBe(true); // a Thursday
  });
});
