import { beijingDate, beijingMidnight, CalendarData, CalendarError, dayInfo, nextDate } from '@hotline/calendar';
import type { UrgeLevel, UrgeRecipient } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';
import type { StepDef } from '../clocks/alarms';
import { SUPERVISION_ERRORS } from '@hotline/contracts';
import { calendarRefusal } from '../calendar/calendar-refusal';

/**
 * The rules of a tracked task (督办事项) as plain functions: its due time on the working calendar
 * and its 催办 plan. No database here (unit-tested in test/task-rules.test.ts).
 */

/** The instant a due date ends: the end of its last working window, or 24:00 Beijing when the whole day counts. */
export function taskDueAt(cal: CalendarData, dueDate: string): Date {
  const last = cal.windows.at(-1);
  if (!last) return beijingMidnight(nextDate(dueDate));
  return new Date(beijingMidnight(dueDate).getTime() + last.endMin * 60_000);
}

/**
 * A due date a department can be held to: a date in a loaded calendar year that is a working
 * day, not before `earliest` (the meeting's date). Coded errors otherwise.
 */
export function checkDueDate(cal: CalendarData, dueDate: string, earliest: string): void {
  let working: boolean;
  try {
    working = dayInfo(cal, dueDate).working;
  } catch (e) {
    if (e instanceof CalendarError) {
      if (e.code === 'CALENDAR_YEAR_NOT_LOADED') throw calendarRefusal(e);
      throw codedError(SUPERVISION_ERRORS.DUE_DATE_INVALID, { date: dueDate });
    }
    throw e;
  }
  if (!working) throw codedError(SUPERVISION_ERRORS.DUE_NOT_WORKING_DAY, { date: dueDate });
  if (dueDate < earliest) throw codedError(SUPERVISION_ERRORS.DUE_BEFORE_MEETING, { earliest });
}

export interface TaskAlarmPlan {
  mark: string;
  sharePct: number;
  level: UrgeLevel;
  recipients: UrgeRecipient[];
  stepId: string;
  fireAt: Date;
}

/**
 * The 催办 plan of a task: each active ladder step meant for every kind (a step limited to some
 * clock kinds is about case clocks), at that share of the task's span (from `startsAt` to
 * `dueAt`, natural time): 80 % = a reminder before the due time, 100 % = at it, 150 % = half the
 * span again after it.
 */
export function planTaskAlarms(startsAt: Date, dueAt: Date, steps: readonly StepDef[]): TaskAlarmPlan[] {
  const span = Math.max(0, dueAt.getTime() - startsAt.getTime());
  return steps
    .filter((s) => s.active && s.clockKinds.length === 0)
    .map((s) => ({
      mark: `urge:${s.id}`,
      sharePct: s.sharePct,
      level: s.level,
      recipients: s.recipients,
      stepId: s.id,
      fireAt: new Date(startsAt.getTime() + Math.round((span * s.sharePct) / 100)),
    }));
}

/**
 * A due alarm is stale when a reminder meant for before the due time comes after it (a task
 * recorded late, a scheduler that was down): it is skipped, never sent late.
 */
export const isStaleReminder = (sharePct: number, dueAt: Date, now: Date): boolean => sharePct < 100 && dueAt.getTime() <= now.getTime();

/** Where a meeting task's span starts: the meeting day, or now when the meeting is still ahead. */
export function meetingTaskStart(heldOn: string, now: Date): Date {
  const day = beijingMidnight(heldOn);
  return day.getTime() < now.getTime() ? day : now;
}

/** A task's due date from an instant publicity states (its Beijing date). */
export const dueDateOf = (dueAt: Date): string => beijingDate(dueAt);
