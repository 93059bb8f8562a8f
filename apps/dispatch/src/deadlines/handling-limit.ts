import type { Urgency } from '@hotline/contracts';

/**
 * 办理时限 by urgency, the draft DB11/T figures the product ships as defaults: urgent 2 h,
 * timely (water/power/gas/heat) 24 h, general 7 days. An earlier upstream deadline wins.
 * (Working-day arithmetic with the PRC holiday calendar arrives with packages/calendar.)
 */
export const HANDLING_LIMIT_HOURS: Record<Urgency, number> = { urgent: 2, timely: 24, normal: 7 * 24 };

export function handlingDeadline(dispatchedAt: Date, urgency: Urgency, upstreamDeadline?: Date | null): Date {
  const byUrgency = new Date(dispatchedAt.getTime() + HANDLING_LIMIT_HOURS[urgency] * 3_600_000);
  return upstreamDeadline && upstreamDeadline < byUrgency ? upstreamDeadline : byUrgency;
}

/** 分转时限: when a signed case must have been dispatched. */
export function dispatchDueAt(signedAt: Date, limitMinutes: number): Date {
  return new Date(signedAt.getTime() + limitMinutes * 60_000);
}
