import { addWorkingDays, CalendarData, CalendarError, createCalendar, seedOverrides, seedYears } from '@hotline/calendar';
import type { Tier, Urgency } from '@hotline/contracts';

/**
 * 办理时限, the draft DB11/T figures the product ships as defaults (to confirm with the bureau):
 * urgent 2 h and timely (water/power/gas/heat) 24 h in natural time; general 7 working days and
 * complex (疑难类) 15 working days on the PRC working calendar (holidays and 调休, Beijing dates,
 * `@hotline/calendar`). An earlier upstream deadline wins. supervision's handling clock uses the
 * same figures as its default definitions and adopts the deadline dispatch states.
 */
export const HANDLING_LIMIT_HOURS: Record<Exclude<Urgency, 'normal'>, number> = { urgent: 2, timely: 24 };
export const HANDLING_LIMIT_WORKING_DAYS = { general: 7, complex: 15 } as const;

/** The bundled State Council notices (chinese-days, 2004–2026). */
const BUNDLED: CalendarData = createCalendar({ years: seedYears(), overrides: seedOverrides() });

export function handlingDeadline(
  dispatchedAt: Date,
  urgency: Urgency,
  upstreamDeadline?: Date | null,
  tier?: Tier | null,
  calendar: CalendarData = BUNDLED,
): Date {
  let byRule: Date;
  if (urgency !== 'normal') {
    byRule = new Date(dispatchedAt.getTime() + HANDLING_LIMIT_HOURS[urgency] * 3_600_000);
  } else {
    const days = tier === 'difficult' ? HANDLING_LIMIT_WORKING_DAYS.complex : HANDLING_LIMIT_WORKING_DAYS.general;
    try {
      byRule = addWorkingDays(calendar, dispatchedAt, days);
    } catch (e) {
      if (!(e instanceof CalendarError)) throw e;
      // The calendar does not reach that far (next year's notice not loaded): natural days are
      // never later than working days, so the department gets the stricter deadline, never a
      // later one; supervision's clock shows the missing year.
      byRule = new Date(dispatchedAt.getTime() + days * 86_400_000);
    }
  }
  return upstreamDeadline && upstreamDeadline < byRule ? upstreamDeadline : byRule;
}

/** 分转时限: when a signed case must have been dispatched. */
export function dispatchDueAt(signedAt: Date, limitMinutes: number): Date {
  return new Date(signedAt.getTime() + limitMinutes * 60_000);
}
