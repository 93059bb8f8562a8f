import { describe, expect, it } from 'vitest';
import { prcCalendar as cal } from '../src/calendar/working-calendar';
import { afterWorkingDays, beijing, nextWorkingMoment } from '../src/calendar/working-time';
import { attemptEffect, RetryPolicy } from '../src/tasks/retry-policy';

const hours = { start: 9, end: 18 };
const policy: RetryPolicy = { maxAttempts: 3, retryMinutes: 120, hours };
const bj = (s: string) => new Date(`${s}+08:00`);

describe('working calendar (Beijing dates, holidays and 调休)', () => {
  it('knows weekends, Spring Festival and the swapped working Saturdays of 2026', () => {
    expect(cal.isWorkingDay('2026-02-13')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(cal.isWorkingDay('2026-02-16')).toBe(false); // Monday, 春节
    expect(cal.isWorkingDay('2026-02-24')).toBe(true); // first day back
    expect(cal.isWorkingDay('2026-12-05')).toBe(false); // an ordinary Saturday
    expect(cal.dayName('2026-02-16')).toBe('春节');
  });

  it('counts every day as working past the loaded years (2027 is not bundled): a callback comes due earlier, never later', () => {
    expect(cal.isWorkingDay('2027-01-02')).toBe(true); // a Saturday, counted as natural time
    expect(cal.dayName('2027-01-02')).toBeNull();
    // Thu 31 Dec 2026 15:00 + 2 days counted naturally → Sat 2 Jan 2027 18:00
    expect(afterWorkingDays(bj('2026-12-31T15:00:00'), 2, cal, hours)).toEqual(bj('2027-01-02T18:00:00'));
  });

  it('reads Beijing dates whatever the process time zone: 00:30 Beijing is still the Beijing day', () => {
    expect(beijing(bj('2026-02-15T00:30:00'))).toMatchObject({ date: '2026-02-15', hour: 0 });
  });

  it('moves a moment into working hours on a working day', () => {
    expect(nextWorkingMoment(bj('2026-02-13T10:00:00'), cal, hours)).toEqual(bj('2026-02-13T10:00:00'));
    expect(nextWorkingMoment(bj('2026-02-13T07:15:00'), cal, hours)).toEqual(bj('2026-02-13T09:00:00'));
    // Friday evening → the 调休 Saturday morning, not Monday
    expect(nextWorkingMoment(bj('2026-02-13T19:00:00'), cal, hours)).toEqual(bj('2026-02-14T09:00:00'));
    // Saturday 14th evening → across the whole Spring Festival → Tuesday 24th
    expect(nextWorkingMoment(bj('2026-02-14T18:30:00'), cal, hours)).toEqual(bj('2026-02-24T09:00:00'));
    // An ordinary Friday evening → Monday
    expect(nextWorkingMoment(bj('2026-12-04T18:00:00'), cal, hours)).toEqual(bj('2026-12-07T09:00:00'));
  });

  it('counts due times in working days: 2 working days after a Thursday completion before National Day', () => {
    // Thu 2026-09-24 → Fri 09-25 is a holiday (中秋), 26–27 weekend/holiday → Mon 28, Tue 29
    expect(afterWorkingDays(bj('2026-09-24T15:00:00'), 2, cal, hours)).toEqual(bj('2026-09-29T18:00:00'));
    // Fri 2026-09-18 → Sun 09-20 is a 调休 working day → 20th, then Mon 21st
    expect(afterWorkingDays(bj('2026-09-18T15:00:00'), 2, cal, hours)).toEqual(bj('2026-09-21T18:00:00'));
  });
});

describe('retry policy (回访重拨)', () => {
  it('a missed call is tried again at least two hours later, inside working hours, across a weekend', () => {
    expect(attemptEffect('no-answer', 1, bj('2026-12-04T10:00:00'), policy, cal)).toEqual({ kind: 'retry', nextAttemptAt: bj('2026-12-04T12:00:00') });
    expect(attemptEffect('no-answer', 2, bj('2026-12-04T17:00:00'), policy, cal)).toEqual({ kind: 'retry', nextAttemptAt: bj('2026-12-07T09:00:00') });
  });

  it('a missed call before the 调休 Saturday is retried on that Saturday', () => {
    expect(attemptEffect('no-answer', 1, bj('2026-02-13T17:30:00'), policy, cal)).toEqual({ kind: 'retry', nextAttemptAt: bj('2026-02-14T09:00:00') });
  });

  it('the last try missed, or a wrong number, ends the round as unreachable; refused ends it; reached waits for the result', () => {
    expect(attemptEffect('no-answer', 3, bj('2026-12-04T10:00:00'), policy, cal)).toEqual({ kind: 'unreachable' });
    expect(attemptEffect('wrong-number', 1, bj('2026-12-04T10:00:00'), policy, cal)).toEqual({ kind: 'unreachable' });
    expect(attemptEffect('refused', 1, bj('2026-12-04T10:00:00'), policy, cal)).toEqual({ kind: 'refused' });
    expect(attemptEffect('reached', 2, bj('2026-12-04T10:00:00'), policy, cal)).toEqual({ kind: 'await-result' });
  });
});
