// Date pickers that work in the bureau's time zone (Asia/Shanghai) whatever the browser's zone is.
//
// antd's DatePicker works on dayjs values through a "generate config"; the stock one reads and
// sets the browser's local fields and takes "now" from the browser clock, so on a PC outside
// China it proposes and shows the browser's wall-clock time. dayjs' `.tz()` values do not survive
// the picker's arithmetic reliably, so instead the picker below works on *Shanghai wall-clock
// time held in UTC mode*: a value's year…minute fields (read with UTC getters, which have no DST)
// are the Shanghai date and time. Convert at the edges only:
//   instant (ISO) → toPickerValue → picker/form → fromPickerValue → instant (ISO) for the API.
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import advancedFormat from 'dayjs/plugin/advancedFormat';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import localeData from 'dayjs/plugin/localeData';
import weekday from 'dayjs/plugin/weekday';
import weekOfYear from 'dayjs/plugin/weekOfYear';
import weekYear from 'dayjs/plugin/weekYear';
import { dayjs, TIME_ZONE } from '../../../shared/time';

dayjs.extend(customParseFormat);
dayjs.extend(advancedFormat);
dayjs.extend(weekday);
dayjs.extend(localeData);
dayjs.extend(weekOfYear);
dayjs.extend(weekYear);

/** Shown beside every picker built on this module. */
export const BEIJING_TIME = '北京时间';

const WALL_FORMAT = 'YYYY-MM-DDTHH:mm:ss.SSS';

type Instant = string | number | Date | Dayjs;

/** An instant as the picker value showing its Shanghai date and time; null for empty/invalid. */
export function toPickerValue(value: Instant | null | undefined): Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  const d = dayjs(value);
  if (!d.isValid()) return null;
  const offsetMinutes = d.tz(TIME_ZONE).utcOffset();
  return dayjs.utc(d.valueOf() + offsetMinutes * 60_000);
}

/**
 * The instant (ISO, for the API) a picker value stands for, reading its fields as Shanghai time.
 * The pickers work to the minute, so seconds (e.g. from 此刻) are dropped.
 */
export function fromPickerValue(value: Dayjs): string {
  return dayjs.tz(value.second(0).millisecond(0).format(WALL_FORMAT), TIME_ZONE).toISOString();
}

/** "Now" in the picker's terms: the current Shanghai date and time. */
export function shanghaiNow(now: Instant = Date.now()): Dayjs {
  return toPickerValue(now) as Dayjs;
}

/** The Shanghai calendar day (YYYY-MM-DD) of an instant or a picker value. */
function dayOf(value: Dayjs): string {
  return value.format('YYYY-MM-DD');
}

// ---- the picker ---------------------------------------------------------------------------------

type GenerateConfig = Parameters<typeof DatePicker.generatePicker<Dayjs>>[0];

const LOCALE_MAP: Record<string, string> = { zh_CN: 'zh-cn', zh_HK: 'zh-hk', zh_TW: 'zh-tw', en_US: 'en', en_GB: 'en-gb' };
const localeOf = (locale: string) => LOCALE_MAP[locale] ?? locale.split('_')[0];

/** rc-picker's dayjs config, with now / parsing in Shanghai wall-clock time (UTC mode). */
export const shanghaiGenerateConfig: GenerateConfig = {
  getNow: () => shanghaiNow(),
  getFixedDate: (text) => {
    for (const format of ['YYYY-M-DD', 'YYYY-MM-DD']) {
      const d = dayjs.utc(text, format);
      if (d.isValid()) return d;
    }
    return dayjs.utc(text);
  },
  getEndDate: (d) => d.endOf('month'),
  getWeekDay: (d) => {
    const clone = d.locale('en');
    return clone.weekday() + clone.localeData().firstDayOfWeek();
  },
  getYear: (d) => d.year(),
  getMonth: (d) => d.month(),
  getDate: (d) => d.date(),
  getHour: (d) => d.hour(),
  getMinute: (d) => d.minute(),
  getSecond: (d) => d.second(),
  getMillisecond: (d) => d.millisecond(),
  addYear: (d, diff) => d.add(diff, 'year'),
  addMonth: (d, diff) => d.add(diff, 'month'),
  addDate: (d, diff) => d.add(diff, 'day'),
  setYear: (d, v) => d.year(v),
  setMonth: (d, v) => d.month(v),
  setDate: (d, v) => d.date(v),
  setHour: (d, v) => d.hour(v),
  setMinute: (d, v) => d.minute(v),
  setSecond: (d, v) => d.second(v),
  setMillisecond: (d, v) => d.millisecond(v),
  isAfter: (a, b) => a.isAfter(b),
  isValidate: (d) => d.isValid(),
  locale: {
    getWeekFirstDay: (locale) => dayjs().locale(localeOf(locale)).localeData().firstDayOfWeek(),
    getWeekFirstDate: (locale, d) => d.locale(localeOf(locale)).weekday(0),
    getWeek: (locale, d) => d.locale(localeOf(locale)).week(),
    getShortWeekDays: (locale) => dayjs().locale(localeOf(locale)).localeData().weekdaysMin(),
    getShortMonths: (locale) => dayjs().locale(localeOf(locale)).localeData().monthsShort(),
    format: (locale, d, format) => d.locale(localeOf(locale)).format(format),
    parse: (locale, text, formats) => {
      for (const format of formats) {
        const d = dayjs.utc(text, format, true);
        if (d.isValid()) return d.locale(localeOf(locale));
      }
      return null;
    },
  },
};

/** antd's DatePicker, working in Shanghai time: values come from toPickerValue, go out through fromPickerValue. */
export const ShanghaiDatePicker = DatePicker.generatePicker<Dayjs>(shanghaiGenerateConfig);

// ---- rules of the two dialogs -------------------------------------------------------------------

/** 联系时间: not after now and not before the case was dispatched (the server's rules). */
export function contactTimeError(value: Dayjs | null | undefined, now: Instant = Date.now(), dispatchedAt?: string | null): string | null {
  if (!value) return '请选择联系时间';
  const at = dayjs(fromPickerValue(value));
  if (at.valueOf() > dayjs(now).valueOf() + 60_000) return '联系时间不能晚于当前时间（北京时间）';
  if (dispatchedAt && at.isBefore(dayjs(dispatchedAt), 'minute')) return '联系时间不能早于分转时间';
  return null;
}

/**
 * The 联系时间 sent to the API. The picker works to the minute; within the minute the instant is
 * kept between the dispatch time and now, so "this minute" is never refused as before the
 * dispatch (dispatched 21:27:05, contact 21:27) or as in the future.
 */
export function contactedAtForApi(value: Dayjs, now: Instant = Date.now(), dispatchedAt?: string | null): string {
  let at = dayjs(fromPickerValue(value)).valueOf();
  if (dispatchedAt) at = Math.max(at, dayjs(dispatchedAt).valueOf());
  at = Math.min(at, dayjs(now).valueOf());
  return new Date(at).toISOString();
}

/** Days the 联系时间 picker greys out: after today in Shanghai, before the dispatch day. */
export function contactDateDisabled(day: Dayjs, now: Instant = Date.now(), dispatchedAt?: string | null): boolean {
  if (dayOf(day) > dayOf(shanghaiNow(now))) return true;
  const from = toPickerValue(dispatchedAt);
  return !!from && dayOf(day) < dayOf(from);
}

/** The longest extension one request may ask for (the server's rule). */
export const MAX_EXTENSION_DAYS = 30;

/**
 * 申请延至: not already past, later than the current deadline, at most 30 days beyond it (the
 * server's rules, with its words). Every day stays pickable: a date the picker refused would
 * silently fall back to the proposed one, so a wrong date is kept and explained instead.
 */
export function extensionUntilError(value: Dayjs | null | undefined, deadlineAt: string | null | undefined, now: Instant = Date.now()): string | null {
  if (!value) return '请选择申请延至的时间';
  const until = dayjs(fromPickerValue(value));
  if (until.valueOf() <= dayjs(now).valueOf()) return '申请延至的时间已经过去，请选择当前办理时限之后的时间';
  if (!deadlineAt) return null;
  const deadline = dayjs(deadlineAt);
  if (!until.isAfter(deadline)) return '申请延至的时间须晚于当前办理时限';
  if (until.valueOf() > deadline.valueOf() + MAX_EXTENSION_DAYS * 86_400_000) return `一次延期最多 ${MAX_EXTENSION_DAYS} 天`;
  return null;
}

/** The proposed 申请延至: the current deadline plus `days`, same Shanghai time of day. */
export function defaultExtensionUntil(deadlineAt: string | null | undefined, days = 7): Dayjs | undefined {
  return toPickerValue(deadlineAt)?.add(days, 'day') ?? undefined;
}
