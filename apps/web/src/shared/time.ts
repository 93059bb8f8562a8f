// Dates are shown in the bureau's time zone (Asia/Shanghai) whatever the browser's zone is.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const TIME_ZONE = 'Asia/Shanghai';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

function inZone(value: string | null | undefined) {
  if (!value) return null;
  const d = dayjs(value);
  return d.isValid() ? d.tz(TIME_ZONE) : null;
}

/** Formats an ISO timestamp for display; empty values show as an em dash. */
export function formatDateTime(value: string | null | undefined): string {
  return inZone(value)?.format(DATE_TIME_FORMAT) ?? '—';
}

export function formatDateTimeSeconds(value: string | null | undefined): string {
  return inZone(value)?.format('YYYY-MM-DD HH:mm:ss') ?? '—';
}

/** Compact form for table cells: MM-DD HH:mm this year, YYYY-MM-DD HH:mm otherwise. */
export function formatShortDateTime(value: string | null | undefined, now: Date = new Date()): string {
  const d = inZone(value);
  if (!d) return '—';
  return d.year() === dayjs(now).tz(TIME_ZONE).year() ? d.format('MM-DD HH:mm') : d.format(DATE_TIME_FORMAT);
}

export { dayjs };
