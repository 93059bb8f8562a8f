import { CalendarData, createCalendar, DayOverride, WorkingWindow } from './calendar';
import { seedOverrides, seedYears } from './seed';

/**
 * A service's copy of the working calendar: the bundled years (chinese-days), with the years an
 * administrator loaded into supervision (`hotline.calendar.year-loaded`) laid over them — a loaded
 * year replaces the bundled one. `data` is rebuilt on each change, so readers take it fresh each
 * time they compute; the service keeps the loaded years in its database and sets them again at start.
 */
export class LoadedCalendar {
  private readonly loaded = new Map<number, DayOverride[]>();
  private current: CalendarData;

  constructor(private readonly workingHours: readonly WorkingWindow[] = []) {
    this.current = this.build();
  }

  get data(): CalendarData {
    return this.current;
  }

  /** Loads or replaces one year's holidays and 调休 days (days outside the year are ignored). */
  setYear(year: number, days: readonly DayOverride[]): void {
    this.loaded.set(
      year,
      days.filter((d) => d.date.startsWith(`${year}-`)),
    );
    this.current = this.build();
  }

  private build(): CalendarData {
    const bundled = seedYears().filter((y) => !this.loaded.has(y));
    return createCalendar({
      years: [...bundled, ...this.loaded.keys()],
      overrides: [...seedOverrides(bundled), ...[...this.loaded.values()].flat()],
      workingHours: this.workingHours,
    });
  }
}
