/** Chinese labels and small pure rules of the 回访 screens. The domain's enums' labels come from the contracts. */
import {
  CALLBACK_OUTCOME_LABELS,
  SATISFACTION_LABELS as CONTRACT_SATISFACTION_LABELS,
  SUPERVISION_OUTCOME_LABELS as CONTRACT_SUPERVISION_OUTCOME_LABELS,
} from '@hotline/contracts/browser';

export const OUTCOME_LABELS: Record<string, string> = CALLBACK_OUTCOME_LABELS;
/** GraphQL enum names of the outcomes (no '-' allowed in GraphQL names). */
export const OUTCOME_ENUM: Record<string, string> = { reached: 'reached', 'no-answer': 'no_answer', refused: 'refused', 'wrong-number': 'wrong_number' };
export const SATISFACTION_LABELS: Record<string, string> = CONTRACT_SATISFACTION_LABELS;
export const TASK_STATUS_LABELS: Record<string, { text: string; color: string }> = {
  open: { text: '待回访', color: 'blue' },
  done: { text: '已回访', color: 'green' },
  unreachable: { text: '未接通', color: 'orange' },
  refused: { text: '拒绝回访', color: 'default' },
  cancelled: { text: '已取消', color: 'default' },
};
export const SUPERVISION_OUTCOME_LABELS: Record<string, string> = CONTRACT_SUPERVISION_OUTCOME_LABELS;

/** The script the 回访员 reads (统一回访话术). */
export const CALLBACK_SCRIPT =
  '您好，这里是北京经济技术开发区开发建设局 12345 回访专线。您反映的问题（工单编号 {no}）已办理完毕，想了解一下：您的问题是否已经解决？您对办理结果是满意、基本满意还是不满意？';

/** Unresolved or dissatisfied: the case goes round again and needs an explanation (重办说明). */
export function needsExplanation(resolved: boolean | undefined, satisfaction: string | undefined): boolean {
  return resolved === false || satisfaction === 'dissatisfied';
}

/** A rate (0–1) as the bureau reads it: 96.20%; no denominator → —. */
export function percent(rate: number | null | undefined): string {
  return rate == null ? '—' : `${(Math.round(rate * 10000) / 100).toFixed(2)}%`;
}

/** The assessment period (YYYY-MM) an instant falls in, Beijing time, with an optional cut-off day. */
export function periodOf(now: Date, cutoffDay: number | null): string {
  const b = new Date(now.getTime() + 8 * 3_600_000);
  let y = b.getUTCFullYear();
  let m = b.getUTCMonth() + 1;
  if (cutoffDay && b.getUTCDate() >= cutoffDay) {
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Reads a File as base64 (for the import mutation). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** How long after an unresolved or dissatisfied result the case page waits for supervision to open the round. */
export const AWAIT_ROUND_MS = 60_000;

interface RoundsView {
  callbacks: ReadonlyArray<{ round: number; result: { resolved: boolean | null; satisfaction: string | null; recordedAt: string } | null }>;
  supervisions: ReadonlyArray<{ round: number }>;
}

/**
 * The last round's result asked for another round and supervision has not opened it yet (it does so
 * from the result's event, a moment later): true for a minute after the result, after which the
 * rounds may simply be used up.
 */
export function awaitingNextRound(c: RoundsView | null | undefined, now = Date.now()): boolean {
  const last = c?.callbacks.at(-1);
  const r = last?.result;
  if (!c || !last || !r || !needsExplanation(r.resolved ?? undefined, r.satisfaction ?? undefined)) return false;
  return !c.supervisions.some((s) => s.round > last.round) && now - Date.parse(r.recordedAt) < AWAIT_ROUND_MS;
}
