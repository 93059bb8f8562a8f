import { z } from 'zod';
import { defineEvent, EventDefinition, iso } from './shared';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * 工作日历 — supervision owns the working calendar; when an administrator loads (or replaces) a
 * year from the State Council notice, the year's holidays and swapped working days (调休) go out
 * so every service that counts working days (callback, publicity) uses the same calendar. No
 * personal data: dates and holiday names only.
 */
export const CALENDAR_EVENTS = {
  /** A year's notice loaded or replaced: its every holiday (working: false) and 调休 working day (working: true). */
  'hotline.calendar.year-loaded': defineEvent({
    label: '导入年度节假日安排',
    versions: {
      1: z.object({
        year: z.number().int().min(2000).max(2100),
        /** The notice's days; every other day of the year follows the weekday rule. */
        days: z.array(z.object({ date, working: z.boolean(), name: z.string().max(50).nullable() })).max(366),
        loadedAt: iso,
      }),
    },
    summary: (d) => `${d.year} 年：放假 ${d.days.filter((x) => !x.working).length} 天，调休上班 ${d.days.filter((x) => x.working).length} 天`,
  }),
} as const satisfies Record<string, EventDefinition>;
