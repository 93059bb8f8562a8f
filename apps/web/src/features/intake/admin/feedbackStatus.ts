// 办结反馈: what a record's delivery state means for the bureau, in words — whether it goes back to
// the district platform by itself (回传地址 set) or has to be exported and uploaded by hand.

export interface FeedbackStatusInput {
  state: string;
  attempts: number;
  nextAttemptAt?: string | null;
  deliveredAt?: string | null;
}

export interface FeedbackStatus {
  text: string;
  tone: 'success' | 'warning' | 'danger' | 'secondary';
  /** A time worth showing with the text (never a retry time already past). */
  time?: { label: string; at: string };
  /** The record has to be exported and uploaded by hand. */
  manual: boolean;
}

/**
 * The delivery loop picks a due record within a second or so when a 回传地址 is set; a pending
 * record due longer ago than this is not being sent.
 */
export const STALE_MS = 2 * 60_000;

export const NO_WEBHOOK_TEXT = '未设置回传地址：请导出后手工上传';
export const EXPORTED_TEXT = '已导出，待手工上传至区平台';

/**
 * Whether a 回传地址 is set comes from `feedbackDeliveryAutomatic`; while that is not known yet
 * (`undefined`) it is read from the record itself: with an address every attempt counts, so a
 * pending record never tried whose time is in the future (only the reply is being fetched), or one
 * whose time passed long ago, is not being delivered — there is no address.
 */
export function isWaitingForManualUpload(r: FeedbackStatusInput, webhook: boolean | undefined, now = Date.now()): boolean {
  if (r.state !== 'pending') return false;
  if (webhook !== undefined) return !webhook;
  if (!r.nextAttemptAt) return true;
  const due = new Date(r.nextAttemptAt).getTime();
  if (Number.isNaN(due)) return true;
  if (due < now - STALE_MS) return true;
  return r.attempts === 0 && due > now;
}

/** The words for a record's delivery state (see `isWaitingForManualUpload` for `webhook`). */
export function feedbackStatus(r: FeedbackStatusInput, opts: { webhook?: boolean; now?: number } = {}): FeedbackStatus {
  const now = opts.now ?? Date.now();
  switch (r.state) {
    case 'delivered':
      return { text: '已回传区平台', tone: 'success', manual: false, ...(r.deliveredAt ? { time: { label: '反馈时间', at: r.deliveredAt } } : {}) };
    case 'exported':
      return { text: EXPORTED_TEXT, tone: 'warning', manual: true };
    case 'failed':
      return {
        text:
          opts.webhook === false
            ? `自动回传失败（已尝试 ${r.attempts} 次）；${NO_WEBHOOK_TEXT}`
            : `自动回传失败（已尝试 ${r.attempts} 次）：可重试，或导出后手工上传`,
        tone: 'danger',
        manual: true,
      };
    case 'pending': {
      if (isWaitingForManualUpload(r, opts.webhook, now)) return { text: NO_WEBHOOK_TEXT, tone: 'warning', manual: true };
      const due = r.nextAttemptAt ? new Date(r.nextAttemptAt).getTime() : NaN;
      if (r.attempts === 0) return { text: '等待自动回传', tone: 'secondary', manual: false };
      if (due > now) {
        return { text: `第 ${r.attempts} 次回传未成功，将自动重试`, tone: 'warning', manual: false, time: { label: '下次重试', at: r.nextAttemptAt! } };
      }
      return { text: `第 ${r.attempts} 次回传未成功，正在重试`, tone: 'warning', manual: false };
    }
    default:
      return { text: r.state, tone: 'secondary', manual: false };
  }
}
