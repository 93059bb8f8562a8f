import {
  addWorkingDays,
  beijingDate,
  beijingMidnight,
  CalendarData,
  CalendarError,
  createCalendar,
  isWorkingDay,
  seedOverrides,
  seedYears,
} from '@hotline/calendar';
import { codedError } from '@hotline/service-kit';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

/** The PRC working calendar (holidays and 调休) as @hotline/calendar bundles it. */
export function loadWorkingCalendar(): CalendarData {
  return createCalendar({ years: seedYears(), overrides: seedOverrides() });
}

const DAY_MS = 86_400_000;

/** Each calendar error's entry in the reason list (its code is the reason). */
const CALENDAR_REFUSALS = {
  CALENDAR_YEAR_NOT_LOADED: PUBLICITY_ERRORS.CALENDAR_YEAR_NOT_LOADED,
  INVALID_DATE: PUBLICITY_ERRORS.INVALID_DATE,
  INVALID_WORKING_HOURS: PUBLICITY_ERRORS.INVALID_WORKING_HOURS,
  INVALID_AMOUNT: PUBLICITY_ERRORS.INVALID_AMOUNT,
} as const satisfies Record<CalendarError['code'], unknown>;

/**
 * Runs a calendar computation. Past the last loaded year (next year's State Council notice not yet
 * loaded) it takes the natural-day answer instead, as dispatch does for handling limits: counted
 * forward, every day is never later than working days, so a stage deadline is at worst stricter;
 * a preparation task counted back from an air date may fall a weekend later. Any other calendar
 * error (a bad date) becomes a coded refusal.
 */
function onCalendar<T>(fn: () => T, naturalDays: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof CalendarError) {
      if (e.code === 'CALENDAR_YEAR_NOT_LOADED') return naturalDays();
      throw codedError(CALENDAR_REFUSALS[e.code], { problem: e.message }); // the calendar's messages are Chinese already
    }
    throw e;
  }
}

/** `days` working days after `from` (a stage's deadline). */
export const workingDaysAfter = (cal: CalendarData, from: Date, days: number): Date =>
  onCalendar(
    () => addWorkingDays(cal, from, days),
    () => new Date(from.getTime() + days * DAY_MS),
  );

/**
 * The end of the `days`-th working day before the Beijing date `date` (a preparation task due
 * before an air date): with days = 1 and an air date on Monday, the end of the Friday before
 * (or of the last working day before a holiday).
 */
export function workingDaysBefore(cal: CalendarData, date: string, days: number): Date {
  return onCalendar(
    () => {
      let d = beijingMidnight(date);
      let left = days;
      for (;;) {
        d = new Date(d.getTime() - 86_400_000);
        if (isWorkingDay(cal, beijingDate(d))) left--;
        if (left <= 0) return new Date(d.getTime() + 86_400_000 - 1000); // 23:59:59 Beijing time
      }
    },
    () => new Date(beijingMidnight(date).getTime() - (days - 1) * DAY_MS - 1000),
  );
}

/** The end of the `days`-th working day after the Beijing date `date` (a follow-up task due after an air date). */
export function workingDaysAfterDate(cal: CalendarData, date: string, days: number): Date {
  return onCalendar(
    () => {
      let d = beijingMidnight(date);
      let left = days;
      for (;;) {
        d = new Date(d.getTime() + 86_400_000);
        if (isWorkingDay(cal, beijingDate(d))) left--;
        if (left <= 0) return new Date(d.getTime() + 86_400_000 - 1000);
      }
    },
    () => new Date(beijingMidnight(date).getTime() + (days + 1) * DAY_MS - 1000),
  );
}

/** The Beijing month `YYYY-MM` of an instant (the assessment month a bonus counts for by default). */
export const beijingMonth = (at: Date): string => beijingDate(at).slice(0, 7);
