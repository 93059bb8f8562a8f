import { CalendarData, createCalendar, DayOverride, seedOverrides, seedYears, WorkingWindow } from '@hotline/calendar';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The working calendar from supervision's own tables, cached per process and reloaded when a
 * year is loaded or replaced (the revision is the row count and the latest load time).
 */
/** The calendar's revision (the row count and the latest load time), as an expression of a select list. */
export const CALENDAR_REVISION_SQL = `(select count(*)::int || ':' || coalesce(max(loaded_at), 'epoch')::text from sup_calendar_year)`;

export class CalendarStore {
  private cached?: { rev: string; cal: CalendarData };

  constructor(private readonly workingHours: readonly WorkingWindow[] = []) {}

  /** `rev`: the revision when the caller has just read it (CALENDAR_REVISION_SQL), else it is read here. */
  async current(em: EntityManager, rev?: string): Promise<CalendarData> {
    rev ??= (await em.execute<Array<{ rev: string }>>(`select ${CALENDAR_REVISION_SQL} as rev`))[0].rev;
    if (this.cached?.rev === rev) return this.cached.cal;
    const years = await em.execute<Array<{ year: number }>>('select year from sup_calendar_year');
    const days = await em.execute<DayOverride[]>(`select to_char(date, 'YYYY-MM-DD') as date, working, name from sup_calendar_day`);
    const cal = createCalendar({ years: years.map((y) => y.year), overrides: days, workingHours: this.workingHours });
    this.cached = { rev, cal };
    return cal;
  }
}

/**
 * Loads the years chinese-days bundles (2004–2026) that the table does not have yet. A year an
 * administrator loaded is never overwritten; two replicas starting together insert each year once.
 */
export async function seedCalendar(em: EntityManager): Promise<number[]> {
  const added: number[] = [];
  for (const year of seedYears()) {
    await em.transactional(async (tx) => {
      const r = await tx.execute<Array<{ year: number }>>(
        `insert into sup_calendar_year (year, source, loaded_at, loaded_by, note) values (?, 'chinese-days', now(), 'system', 'chinese-days 1.5.7') on conflict do nothing returning year`,
        [year],
      );
      if (r.length === 0) return;
      const days = seedOverrides([year]);
      if (days.length) {
        await tx.execute(
          `insert into sup_calendar_day (date, year, working, name) values ${days.map(() => '(?, ?, ?, ?)').join(', ')}`,
          days.flatMap((d) => [d.date, year, d.working, d.name ?? null]),
        );
      }
      added.push(year);
    });
  }
  return added;
}
