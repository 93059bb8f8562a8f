import type { WorkingCalendar } from './working-calendar';

/** Working hours for calls, in whole Beijing hours: [start, end). */
export interface WorkingHours {
  start: number;
  end: number;
}

const BEIJING_MS = 8 * 3_600_000; // Asia/Shanghai has no daylight saving time

/** The Beijing calendar date (`YYYY-MM-DD`) and hour of an instant, whatever the process's time zone. */
export function beijing(t: Date): { date: string; hour: number; minute: number } {
  const b = new Date(t.getTime() + BEIJING_MS);
  return { date: b.toISOString().slice(0, 10), hour: b.getUTCHours(), minute: b.getUTCMinutes() };
}

/** The instant at `hour`:00 Beijing time on `date`. */
export function atBeijing(date: string, hour: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_MS + hour * 3_600_000);
}

export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: string, cal: WorkingCalendar): string {
  let d = date;
  for (let i = 0; i < 60; i++, d = addDays(d, 1)) if (cal.isWorkingDay(d)) return d;
  throw new Error(`no working day within 60 days of ${date}`);
}

/**
 * The earliest moment at or after `t` inside working hours on a working day: `t` itself when it
 * already is, the start of the day when it is early, else the start of the next working day.
 */
export function nextWorkingMoment(t: Date, cal: WorkingCalendar, hours: WorkingHours): Date {
  const b = beijing(t);
  if (cal.isWorkingDay(b.date)) {
    if (b.hour < hours.start) return atBeijing(b.date, hours.start);
    if (b.hour < hours.end) return t;
  }
  return atBeijing(nextWorkingDay(addDays(b.date, 1), cal), hours.start);
}

/** The end of working hours on the `n`-th working day after `t`'s Beijing date (n ≥ 1). */
export function afterWorkingDays(t: Date, n: number, cal: WorkingCalendar, hours: WorkingHours): Date {
  let d = beijing(t).date;
  for (let i = 0; i < n; i++) d = nextWorkingDay(addDays(d, 1), cal);
  return atBeijing(d, hours.end);
}
