import { CalendarError, createCalendar, dayInfo, seedOverrides, seedYears } from '@hotline/calendar';
import { DomainError } from '@hotline/service-kit';

/**
 * The PRC working calendar (工作日历) as callback uses it: is a Beijing date a working day, with
 * public holidays and swapped working days (调休). This file is the only one that knows where the
 * calendar comes from: `@hotline/calendar` with its bundled years (the seed). A year the
 * administrator loads into supervision's calendar table is not seen here yet; reading it from
 * supervision is a change to this file only.
 */
export interface WorkingCalendar {
  /** `date` is a Beijing calendar date `YYYY-MM-DD`. Beyond the loaded years every day counts (see `day`). */
  isWorkingDay(date: string): boolean;
  /** The holiday or 调休 name of the day, if any. */
  dayName(date: string): string | null;
}

const data = createCalendar({ years: seedYears(), overrides: seedOverrides() });

/**
 * A day's facts. Past the last loaded year (next year's notice not yet loaded) every day counts as
 * a working day, as dispatch counts natural days there: a callback comes due earlier, never later.
 */
function day(date: string): { working: boolean; name: string | null } {
  try {
    return dayInfo(data, date);
  } catch (e) {
    if (e instanceof CalendarError) {
      if (e.code === 'CALENDAR_YEAR_NOT_LOADED') return { working: true, name: null };
      throw new DomainError('CONFLICT', e.code, e.message);
    }
    throw e;
  }
}

export const prcCalendar: WorkingCalendar = {
  isWorkingDay: (date) => day(date).working,
  dayName: (date) => day(date).name,
};
