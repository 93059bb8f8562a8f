import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CalendarError, createCalendar, parseDate } from '@hotline/calendar';
import { createEvent, SUPERVISION_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { engineContext, rescheduleAlarms, ClockDeps } from '../clocks/apply-case-event';
import { replan } from '../clocks/clock-engine';
import { Clock } from '../clocks/clock.entity';
import { calendarRefusal } from './calendar-refusal';

export const LoadYearCommand = z.object({
  year: z.number().int().min(2000, '年份须在 2000–2100 之间').max(2100, '年份须在 2000–2100 之间'),
  /** The notice's days: holidays (working: false) and swapped working days (working: true). Other days follow the weekday rule. */
  days: z.array(z.object({ date: z.string(), working: z.boolean(), name: z.string().trim().max(50).optional() })).max(366),
  note: z.string().trim().max(200).optional(),
});

/**
 * 导入年度节假日安排: an administrator loads (or replaces) a year from the State Council notice.
 * Every date must be a real date of that year, once. Open clocks are re-planned on the new
 * calendar in the same transaction — those waiting for this year get their due time — and the
 * year goes out as `hotline.calendar.year-loaded` (callback and publicity count on it too).
 */
export async function loadCalendarYear(em: EntityManager, user: AuthUser, input: unknown, deps: ClockDeps): Promise<{ year: number; replanned: number }> {
  const cmd = parseInput(LoadYearCommand, input);
  const seen = new Set<string>();
  for (const [i, d] of cmd.days.entries()) {
    try {
      parseDate(d.date);
    } catch (e) {
      throw codedError(SUPERVISION_ERRORS.ROW_DATE_INVALID, { row: i + 1, date: d.date }, { field: `days.${i}.date` });
    }
    if (!d.date.startsWith(`${cmd.year}-`))
      throw codedError(SUPERVISION_ERRORS.DATE_OUTSIDE_YEAR, { row: i + 1, date: d.date, year: cmd.year }, { field: `days.${i}.date` });
    if (seen.has(d.date)) throw codedError(SUPERVISION_ERRORS.DUPLICATE_DATE, { date: d.date }, { field: `days.${i}.date` });
    seen.add(d.date);
  }
  // Refuse a notice that makes no sense as a calendar (e.g. bad names) before anything is written.
  try {
    createCalendar({ years: [cmd.year], overrides: cmd.days });
  } catch (e) {
    if (e instanceof CalendarError) throw calendarRefusal(e);
    throw e;
  }
  return em.transactional(async (tx) => {
    await tx.execute(
      `insert into sup_calendar_year (year, source, loaded_at, loaded_by, note) values (?, 'admin', clock_timestamp(), ?, ?)
       on conflict (year) do update set source = 'admin', loaded_at = clock_timestamp(), loaded_by = excluded.loaded_by, note = excluded.note`,
      [cmd.year, user.username || user.id, cmd.note ?? null],
    );
    await tx.execute('delete from sup_calendar_day where year = ?', [cmd.year]);
    if (cmd.days.length) {
      await tx.execute(
        `insert into sup_calendar_day (date, year, working, name) values ${cmd.days.map(() => '(?, ?, ?, ?)').join(', ')}`,
        cmd.days.flatMap((d) => [d.date, cmd.year, d.working, d.name ?? null]),
      );
    }
    // Open clocks measured on the calendar (or waiting for it) follow the new days.
    const ctx = await engineContext(tx, deps);
    const open = await tx.find(Clock, { state: 'running', $or: [{ measure: 'working' }, { blockedReason: { $ne: null } }] });
    let replanned = 0;
    for (const c of open) {
      if (!replan(c, ctx)) continue;
      c.updatedAt = new Date();
      await rescheduleAlarms(tx, c, ctx, ctx.steps, ctx.calendar);
      replanned++;
    }
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.calendar.year-loaded',
        source: 'supervision',
        actor: actorOf(user),
        data: { year: cmd.year, days: cmd.days.map((d) => ({ date: d.date, working: d.working, name: d.name ?? null })), loadedAt: new Date().toISOString() },
      }),
    );
    return { year: cmd.year, replanned };
  });
}
