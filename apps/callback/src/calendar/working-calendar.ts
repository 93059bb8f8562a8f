import data from 'chinese-days/dist/chinese-days.json';
import { DomainError } from '@hotline/service-kit';

/**
 * The PRC working calendar (工作日历) as callback uses it: is a Beijing date a working day, with
 * public holidays and swapped working days (调休). This file is the only one that knows where the
 * calendar comes from — today the `chinese-days` data (2004–2026), read as plain tables so the
 * process's time zone never matters. When `@hotline/calendar` (supervision) lands on main, this
 * file switches to it and nothing else changes.
 */
export interface WorkingCalendar {
  /** `date` is a Beijing calendar date `YYYY-MM-DD`. Throws CALENDAR_YEAR_NOT_LOADED beyond the loaded years. */
  isWorkingDay(date: string): boolean;
  /** The holiday or 调休 name of the day, if any. */
  dayName(date: string): string | null;
}

const table = data as { holidays: Record<string, string>; workdays: Record<string, string> };
const years = Object.keys(table.holidays).map((d) => Number(d.slice(0, 4)));
const FIRST_YEAR = Math.min(...years);
const LAST_YEAR = Math.max(...years);

export const chineseDaysCalendar: WorkingCalendar = {
  isWorkingDay(date) {
    const year = Number(date.slice(0, 4));
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
      throw new DomainError('CONFLICT', 'CALENDAR_YEAR_NOT_LOADED', `工作日历尚未载入 ${year} 年的节假日安排，无法计算时限`);
    }
    if (table.workdays[date]) return true; // 调休上班
    if (table.holidays[date]) return false;
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  },
  dayName(date) {
    const v = table.workdays[date] ?? table.holidays[date];
    return v ? v.split(',')[1] ?? null : null;
  },
};
