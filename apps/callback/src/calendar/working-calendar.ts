import { CalendarData, CalendarError, dayInfo, LoadedCalendar } from '@hotline/calendar';
import { CALLBACK_ERRORS } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';

/** Each calendar error other than a year not loaded (which counts as working, see `day`) as its list entry. */
const CALENDAR_ENTRIES = {
  INVALID_DATE: CALLBACK_ERRORS.CALENDAR_INVALID_DATE,
  INVALID_WORKING_HOURS: CALLBACK_ERRORS.INVALID_WORKING_HOURS,
  INVALID_AMOUNT: CALLBACK_ERRORS.INVALID_AMOUNT,
} as const satisfies Record<Exclude<CalendarError['code'], 'CALENDAR_YEAR_NOT_LOADED'>, unknown>;

/**
 * The PRC working calendar (工作日历) as callback uses it: is a Beijing date a working day, with
 * public holidays and swapped working days (调休). This file is the only one that knows where the
 * calendar comes from: `@hotline/calendar` with its bundled years (the seed), and the years an
 * administrator loads into supervision, which reach callback as `hotline.calendar.year-loaded`
 * (calendar-years.consumer.ts).
 */
export interface WorkingCalendar {
  /** `date` is a Beijing calendar date `YYYY-MM-DD`. Beyond the loaded years every day counts (see `day`). */
  isWorkingDay(date: string): boolean;
  /** The holiday or 调休 name of the day, if any. */
  dayName(date: string): string | null;
}

/**
 * A day's facts. Past the last loaded year (next year's notice not yet loaded) every day counts as
 * a working day, as dispatch counts natural days there: a callback comes due earlier, never later.
 */
function day(data: CalendarData, date: string): { working: boolean; name: string | null } {
  try {
    return dayInfo(data, date);
  } catch (e) {
    if (e instanceof CalendarError) {
      if (e.code === 'CALENDAR_YEAR_NOT_LOADED') return { working: true, name: null };
      throw codedError(CALENDAR_ENTRIES[e.code], { problem: e.message });
    }
    throw e;
  }
}

/** The calendar as `loaded` holds it at each call: a year loaded later counts from then on. */
export const workingCalendarOf = (loaded: LoadedCalendar): WorkingCalendar => ({
  isWorkingDay: (date) => day(loaded.data, date).working,
  dayName: (date) => day(loaded.data, date).name,
});

/** The bundled years only (tests, and the rules' defaults). */
export const prcCalendar: WorkingCalendar = workingCalendarOf(new LoadedCalendar());
