import type { CallbackOutcome } from '@hotline/contracts';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { nextWorkingMoment, WorkingHours } from '../calendar/working-time';

export interface RetryPolicy {
  maxAttempts: number;
  retryMinutes: number;
  hours: WorkingHours;
}

/** What an attempt does to its task. */
export type AttemptEffect =
  | { kind: 'await-result' } // 已接通: the agent records the result next
  | { kind: 'retry'; nextAttemptAt: Date } // 无人接听: try again later, inside working hours
  | { kind: 'unreachable' } // tries used up, or 号码错误: the round ends as 未接通
  | { kind: 'refused' }; // 拒绝回访: the citizen was reached but gave no answer

/**
 * 回访重拨规则: a missed call is tried again no sooner than `retryMinutes` later, moved into working
 * hours on a working day (holidays and 调休 included); after `maxAttempts` tries the task ends as
 * 未接通. A wrong number ends it at once (calling again reaches nobody).
 */
export function attemptEffect(outcome: CallbackOutcome, attemptNo: number, at: Date, policy: RetryPolicy, cal: WorkingCalendar): AttemptEffect {
  switch (outcome) {
    case 'reached':
      return { kind: 'await-result' };
    case 'refused':
      return { kind: 'refused' };
    case 'wrong-number':
      return { kind: 'unreachable' };
    case 'no-answer':
      if (attemptNo >= policy.maxAttempts) return { kind: 'unreachable' };
      return { kind: 'retry', nextAttemptAt: nextWorkingMoment(new Date(at.getTime() + policy.retryMinutes * 60_000), cal, policy.hours) };
  }
}
