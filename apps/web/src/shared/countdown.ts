// The 30-minute dispatch limit: how much time is left, and how alarming that is.

export type CountdownState = 'normal' | 'warning' | 'overdue';

/** Less than this much time left turns the countdown amber. */
export const WARNING_THRESHOLD_MS = 10 * 60 * 1000;

export interface Countdown {
  state: CountdownState;
  /** Milliseconds left; negative once overdue. */
  remainingMs: number;
  text: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 剩余 MM:SS (or H:MM:SS); 已超时 X 分钟 once past due. */
export function computeCountdown(dueAt: string | Date, now: Date | number): Countdown {
  const due = typeof dueAt === 'string' ? new Date(dueAt).getTime() : dueAt.getTime();
  const nowMs = typeof now === 'number' ? now : now.getTime();
  const remainingMs = due - nowMs;
  if (remainingMs < 0) {
    const overMinutes = Math.ceil(-remainingMs / 60_000);
    return { state: 'overdue', remainingMs, text: `已超时 ${overMinutes} 分钟` };
  }
  const totalSeconds = Math.floor(remainingMs / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const clock = hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
  return {
    state: remainingMs < WARNING_THRESHOLD_MS ? 'warning' : 'normal',
    remainingMs,
    text: `剩余 ${clock}`,
  };
}

/** Internal rule: a signed case is dispatched within 30 minutes. */
export const DISPATCH_LIMIT_MS = 30 * 60 * 1000;

/**
 * The dispatch due time: the API's `dispatchDueAt`, or signedAt + 30 min while the dispatch
 * service has not yet seen the sign event.
 */
export function dispatchDueOf(c: { dispatchDueAt?: string | null; signedAt?: string | null }): string | null {
  if (c.dispatchDueAt) return c.dispatchDueAt;
  if (!c.signedAt) return null;
  const signed = new Date(c.signedAt).getTime();
  return Number.isFinite(signed) ? new Date(signed + DISPATCH_LIMIT_MS).toISOString() : null;
}
