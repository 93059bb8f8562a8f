import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger';

/** One year of the working calendar as `hotline.calendar.year-loaded` carries it. */
export interface CalendarYearData {
  year: number;
  days: Array<{ date: string; working: boolean; name: string | null }>;
}

/** Where a service keeps its calendar in memory (`LoadedCalendar` of @hotline/calendar is one). */
export interface CalendarYearSink {
  setYear(year: number, days: CalendarYearData['days']): void;
}

/**
 * 工作日历 from supervision, for a service that counts working days: the years an administrator
 * loads there, kept in the service's own table (`year integer primary key, days jsonb, loaded_at
 * timestamptz`) and set on its in-memory calendar. The service's consumer of
 * `hotline.calendar.>` calls `save`; `start` sets the kept years at boot and again every
 * `refreshMs` (another replica may have handled the event); `stop` ends that.
 */
export function calendarYears(table: string, calendar: CalendarYearSink, refreshMs = 60_000) {
  let timer: NodeJS.Timeout | undefined;
  const restore = async (em: EntityManager): Promise<number> => {
    const rows = await em.execute<CalendarYearData[]>(`select year, days from ${table} order by year`);
    for (const r of rows) calendar.setYear(r.year, r.days);
    return rows.length;
  };
  return {
    /** Keeps a loaded year (a replay of an older load changes nothing) and sets it on the calendar. */
    async save(em: EntityManager, d: CalendarYearData & { loadedAt: string }): Promise<void> {
      await em.execute(
        `insert into ${table} (year, days, loaded_at) values (?, ?, ?)
         on conflict (year) do update set days = excluded.days, loaded_at = excluded.loaded_at where ${table}.loaded_at <= excluded.loaded_at`,
        [d.year, JSON.stringify(d.days), d.loadedAt],
      );
      await restore(em);
    },
    async start({ orm, log }: { orm: MikroORM; log: Logger }): Promise<void> {
      log.info({ years: await restore(orm.em.fork()) }, 'calendar years loaded by supervision restored');
      timer = setInterval(() => {
        restore(orm.em.fork()).catch((e) => log.warn({ err: e }, 'calendar refresh failed'));
      }, refreshMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
    },
  };
}
