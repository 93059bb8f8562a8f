/**
 * The bureau's working calendar (工作日历): which Beijing dates are working days — weekdays, minus
 * the public holidays (法定节假日), plus the swapped working weekends (调休上班日) of the State
 * Council's yearly notice — and, optionally, the working hours of a working day.
 *
 * Everything here is a pure function of a `CalendarData` and instants (`Date`). Dates are Beijing
 * dates (`YYYY-MM-DD`, Asia/Shanghai, UTC+8 all year: China has had no daylight saving time since
 * 1991), computed by arithmetic on the instant and never through the process's time zone, so a
 * server running in UTC or New York gets the same answers.
 */

export const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** One date the yearly notice sets apart from the weekday rule. */
export interface DayOverride {
  /** `YYYY-MM-DD`, a Beijing date. */
  date: string;
  /** false: a holiday (放假); true: a swapped working day (调休上班), usually a weekend. */
  working: boolean;
  /** The holiday it belongs to, e.g. 春节, 国庆节. */
  name?: string | null;
}

/** A working-hours window of a day, `HH:MM`–`HH:MM` in Beijing time, half-open [start, end). */
export interface WorkingWindow {
  start: string;
  end: string;
}

export interface CalendarData {
  /** Years whose notice is loaded: nothing outside them is ever computed. */
  years: ReadonlySet<number>;
  /** Holidays and swapped working days by date. */
  overrides: ReadonlyMap<string, DayOverride>;
  /** Working hours of each working day; empty = the whole day (00:00–24:00) counts. */
  windows: ReadonlyArray<{ startMin: number; endMin: number }>;
}

export type CalendarErrorCode = 'CALENDAR_YEAR_NOT_LOADED' | 'INVALID_DATE' | 'INVALID_WORKING_HOURS' | 'INVALID_AMOUNT';

/** A refusal of the calendar: a coded error the services map to their own. */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly year?: number,
  ) {
    super(message);
    this.name = 'CalendarError';
  }
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

function minutesOf(hhmm: string): number {
  const m = TIME_RE.exec(hhmm);
  if (!m || (m[1] === '24' && m[2] !== '00')) throw new CalendarError('INVALID_WORKING_HOURS', `工作时间格式应为 HH:MM：${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Checks and orders working-hours windows (non-empty, inside the day, not overlapping). */
export function parseWindows(windows: readonly WorkingWindow[] = []): Array<{ startMin: number; endMin: number }> {
  const parsed = windows.map((w) => ({ startMin: minutesOf(w.start), endMin: minutesOf(w.end) })).sort((a, b) => a.startMin - b.startMin);
  for (let i = 0; i < parsed.length; i++) {
    if (parsed[i].endMin <= parsed[i].startMin) throw new CalendarError('INVALID_WORKING_HOURS', '工作时间段的结束时间必须晚于开始时间');
    if (i > 0 && parsed[i].startMin < parsed[i - 1].endMin) throw new CalendarError('INVALID_WORKING_HOURS', '工作时间段不能重叠');
  }
  return parsed;
}

/** Builds the calendar from loaded years, their overrides and optional working hours. */
export function createCalendar(input: { years: Iterable<number>; overrides: Iterable<DayOverride>; workingHours?: readonly WorkingWindow[] }): CalendarData {
  const overrides = new Map<string, DayOverride>();
  for (const o of input.overrides) {
    parseDate(o.date);
    overrides.set(o.date, o);
  }
  return { years: new Set(input.years), overrides, windows: parseWindows(input.workingHours) };
}

/** `YYYY-MM-DD` → [year, month, day], refusing what is not a real date. */
export function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new CalendarError('INVALID_DATE', `日期格式应为 YYYY-MM-DD：${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) throw new CalendarError('INVALID_DATE', `不存在的日期：${date}`);
  return [y, mo, d];
}

/** The Beijing date of an instant. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing date begins (00:00 +08:00). */
export function beijingMidnight(date: string): Date {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d) - BEIJING_OFFSET_MS);
}

/** The next Beijing date. */
export function nextDate(date: string): string {
  return new Date(beijingMidnight(date).getTime() + DAY_MS + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, of a Beijing date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'swapped-workday';

export interface DayInfo {
  date: string;
  working: boolean;
  /** workday 工作日, weekend 周末, holiday 法定节假日, swapped-workday 调休上班. */
  kind: DayKind;
  name: string | null;
}

function assertLoaded(cal: CalendarData, year: number): void {
  if (!cal.years.has(year)) {
    throw new CalendarError(
      'CALENDAR_YEAR_NOT_LOADED',
      `${year} 年的工作日历尚未导入，无法计算工作日时限（请管理员导入国务院办公厅 ${year} 年节假日安排）`,
      year,
    );
  }
}

/** What a Beijing date is. Refuses a date outside the loaded years. */
export function dayInfo(cal: CalendarData, date: string): DayInfo {
  const [y] = parseDate(date);
  assertLoaded(cal, y);
  const o = cal.overrides.get(date);
  if (o) return { date, working: o.working, kind: o.working ? 'swapped-workday' : 'holiday', name: o.name ?? null };
  const wd = weekdayOf(date);
  const weekend = wd === 0 || wd === 6;
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', name: null };
}

export const isWorkingDay = (cal: CalendarData, date: string): boolean => dayInfo(cal, date).working;

/** Every day of a loaded year, in order. */
export function yearDays(cal: CalendarData, year: number): DayInfo[] {
  assertLoaded(cal, year);
  const out: DayInfo[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = nextDate(d)) out.push(dayInfo(cal, d));
  return out;
}

/** The working intervals [from, to) of one Beijing date, as epoch milliseconds (none on a day off). */
function workingIntervals(cal: CalendarData, date: string): Array<[number, number]> {
  if (!isWorkingDay(cal, date)) return [];
  const midnight = beijingMidnight(date).getTime();
  if (cal.windows.length === 0) return [[midnight, midnight + DAY_MS]];
  return cal.windows.map((w) => [midnight + w.startMin * 60_000, midnight + w.endMin * 60_000]);
}

/** Working time of one working day, in milliseconds (24 h without working hours). */
export function workingDayMs(cal: CalendarData): number {
  if (cal.windows.length === 0) return DAY_MS;
  return cal.windows.reduce((s, w) => s + (w.endMin - w.startMin) * 60_000, 0);
}

/**
 * The instant at which `amountMs` of working time has passed since `from` — the earliest such
 * instant, so a deadline that ends a day's last window is that window's end, not the next
 * morning. 0 returns `from`. Refuses to walk into a year that is not loaded.
 */
export function addWorkingTime(cal: CalendarData, from: Date, amountMs: number): Date {
  if (!Number.isFinite(amountMs) || amountMs < 0) throw new CalendarError('INVALID_AMOUNT', '时长必须是非负数');
  let left = amountMs;
  let date = beijingDate(from);
  const start = from.getTime();
  if (left === 0) return new Date(start);
  for (;;) {
    for (const [a, b] of workingIntervals(cal, date)) {
      const s = Math.max(a, start);
      if (s >= b) continue;
      if (s + left <= b) return new Date(s + left);
      left -= b - s;
    }
    date = nextDate(date);
  }
}

/** Working time in the half-open interval [from, to), in milliseconds (0 when to ≤ from). */
export function workingTimeBetween(cal: CalendarData, from: Date, to: Date): number {
  const a0 = from.getTime();
  const b0 = to.getTime();
  if (b0 <= a0) return 0;
  let total = 0;
  const last = beijingDate(new Date(b0 - 1));
  for (let date = beijingDate(from); ; date = nextDate(date)) {
    for (const [a, b] of workingIntervals(cal, date)) total += Math.max(0, Math.min(b, b0) - Math.max(a, a0));
    if (date === last) return total;
  }
}

/** `n` working days after `from`: n × one working day of working time (same time of day when it starts inside working time). */
export function addWorkingDays(cal: CalendarData, from: Date, days: number): Date {
  if (!Number.isFinite(days) || days < 0) throw new CalendarError('INVALID_AMOUNT', '工作日数必须是非负数');
  return addWorkingTime(cal, from, days * workingDayMs(cal));
}

/** `hours` working hours after `from` (whole days count 24 h when no working hours are set). */
export function addWorkingHours(cal: CalendarData, from: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours < 0) throw new CalendarError('INVALID_AMOUNT', '工作小时数必须是非负数');
  return addWorkingTime(cal, from, hours * 3_600_000);
}

/** The last loaded year (computations stop there). */
export function lastLoadedYear(cal: CalendarData): number | null {
  return cal.years.size ? Math.max(...cal.years) : null;
}
