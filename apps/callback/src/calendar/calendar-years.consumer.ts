import type { LoadedCalendar } from '@hotline/calendar';
import type { ConsumerDefinition } from '@hotline/service-kit';
import type { EntityManager } from '@mikro-orm/postgresql';

interface YearRow {
  year: number;
  days: Array<{ date: string; working: boolean; name: string | null }>;
}

/**
 * 工作日历 from supervision: a year an administrator loads there (`hotline.calendar.year-loaded`)
 * is kept in callback's own table and laid over the bundled years of `calendar`; callback's due
 * times and retries count on it from then on.
 */
export const calendarYearsConsumer = (calendar: LoadedCalendar): ConsumerDefinition => ({
  name: 'callback-calendar',
  subject: 'hotline.calendar.>',
  handlers: {
    'hotline.calendar.year-loaded': async (e, em) => {
      const d = e.data as unknown as YearRow & { loadedAt: string };
      await em.execute(
        `insert into callback_calendar_year (year, days, loaded_at) values (?, ?, ?)
         on conflict (year) do update set days = excluded.days, loaded_at = excluded.loaded_at where callback_calendar_year.loaded_at <= excluded.loaded_at`,
        [d.year, JSON.stringify(d.days), d.loadedAt],
      );
      await restoreCalendarYears(em, calendar);
    },
  },
});

/** Sets the years kept in the table on `calendar` (at start, after a load, and now and then for the other replicas). */
export async function restoreCalendarYears(em: EntityManager, calendar: LoadedCalendar): Promise<number> {
  const rows = await em.execute<YearRow[]>('select year, days from callback_calendar_year order by year');
  for (const r of rows) calendar.setYear(r.year, r.days);
  return rows.length;
}
