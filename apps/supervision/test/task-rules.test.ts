import { describe, expect, it } from 'vitest';
import { createCalendar, seedOverrides } from '@hotline/calendar';
import { DEFAULT_LADDER } from '../src/urging/ladder';
import { checkDueDate, isStaleReminder, meetingTaskStart, planTaskAlarms, taskDueAt } from '../src/tasks/task-rules';
import { defaultPeriod } from '../src/meetings/meetings';

const cal = createCalendar({ years: [2026], overrides: seedOverrides([2026]) });
const office = createCalendar({
  years: [2026],
  overrides: seedOverrides([2026]),
  workingHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:30' },
  ],
});
const steps = DEFAULT_LADDER.map((s, i) => ({ ...s, id: `s${i}` }));
const reason = (f: () => void) => {
  try {
    f();
    return 'accepted';
  } catch (e) {
    return (e as { reason: string }).reason;
  }
};

describe('a tracked task’s due date on the working calendar', () => {
  it('is due at the end of the due date: 24:00 Beijing, or the end of the last working window', () => {
    expect(taskDueAt(cal, '2026-12-10').toISOString()).toBe('2026-12-10T16:00:00.000Z');
    expect(taskDueAt(office, '2026-12-10').toISOString()).toBe('2026-12-10T09:30:00.000Z');
  });
  it('must be a working day of a loaded year, not before the meeting', () => {
    expect(reason(() => checkDueDate(cal, '2026-12-10', '2026-12-01'))).toBe('accepted');
    // 国庆节 is a holiday, its swapped Saturday a working day; an ordinary Sunday is not.
    expect(reason(() => checkDueDate(cal, '2026-10-01', '2026-09-01'))).toBe('DUE_NOT_WORKING_DAY');
    expect(reason(() => checkDueDate(cal, '2026-10-10', '2026-09-01'))).toBe('accepted');
    expect(reason(() => checkDueDate(cal, '2026-12-06', '2026-12-01'))).toBe('DUE_NOT_WORKING_DAY');
    expect(reason(() => checkDueDate(cal, '2026-11-30', '2026-12-01'))).toBe('DUE_BEFORE_MEETING');
    expect(reason(() => checkDueDate(cal, '2027-01-04', '2026-12-01'))).toBe('CALENDAR_YEAR_NOT_LOADED');
  });
});

describe('the 催办 ladder of a task', () => {
  it('puts each general step at its share of the span: 80 % before, 100 % at, 150 % after the due time', () => {
    const start = new Date('2026-12-01T00:00:00+08:00');
    const due = new Date('2026-12-11T00:00:00+08:00'); // 10 days
    const plan = planTaskAlarms(start, due, steps);
    expect(plan.map((p) => [p.level, p.sharePct, p.fireAt.toISOString()])).toEqual([
      ['reminder', 80, '2026-12-08T16:00:00.000Z'],
      ['breach', 100, '2026-12-10T16:00:00.000Z'],
      ['escalation', 150, '2026-12-15T16:00:00.000Z'],
    ]);
    expect(plan.map((p) => p.recipients)).toEqual([['department'], ['department', 'supervisor'], ['leader']]);
  });
  it('leaves out inactive steps and steps meant only for some case clocks', () => {
    const plan = planTaskAlarms(new Date(0), new Date(1000), [{ ...steps[0], active: false }, { ...steps[1], clockKinds: ['handle'] }, steps[2]]);
    expect(plan.map((p) => p.stepId)).toEqual(['s2']);
  });
  it('skips a reminder that comes after the due time, never a breach or an escalation', () => {
    const due = new Date('2026-12-10T16:00:00Z');
    expect(isStaleReminder(80, due, new Date('2026-12-10T15:59:00Z'))).toBe(false);
    expect(isStaleReminder(80, due, new Date('2026-12-10T16:00:00Z'))).toBe(true);
    expect(isStaleReminder(100, due, new Date('2026-12-12T00:00:00Z'))).toBe(false);
    expect(isStaleReminder(150, due, new Date('2026-12-20T00:00:00Z'))).toBe(false);
  });
  it('measures a meeting task from the meeting day, or from now for a meeting still ahead', () => {
    const now = new Date('2026-12-05T07:00:00Z');
    expect(meetingTaskStart('2026-12-01', now).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(meetingTaskStart('2026-12-09', now)).toBe(now);
  });
  it('a meeting’s material covers the 28 days up to the meeting by default', () => {
    expect(defaultPeriod('2026-12-05')).toEqual({ from: '2026-11-08', to: '2026-12-05' });
    expect(defaultPeriod('2026-03-01')).toEqual({ from: '2026-02-02', to: '2026-03-01' });
  });
});
