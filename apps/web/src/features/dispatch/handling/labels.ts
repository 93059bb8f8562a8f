// Chinese labels for the dispatch service's enums (handling, returns, contacts, extensions).

import {
  CASE_STAGE_LABELS,
  CONTACT_CHANNEL_LABELS as CONTRACT_CONTACT_LABELS,
  RETURN_REASON_LABELS as CONTRACT_RETURN_LABELS,
} from '@hotline/contracts/browser';

/**
 * 退回原因, keyed by the code the server stores and returns (AssignmentRecord.reasonCode, e.g.
 * `not-our-duty`): the contracts' table.
 */
export const RETURN_REASON_LABELS: Record<string, string> = CONTRACT_RETURN_LABELS;

/** Shown for a reason code this client does not know: a code is never shown raw. */
export const UNKNOWN_RETURN_REASON = '其他原因';

/** The Chinese label of a return-reason code; accepts the GraphQL enum name (`not_our_duty`) too. */
export function returnReasonLabel(code: string | null | undefined): string {
  if (!code) return UNKNOWN_RETURN_REASON;
  const key = code.trim().toLowerCase().replace(/_/g, '-');
  return RETURN_REASON_LABELS[key] ?? UNKNOWN_RETURN_REASON;
}

/**
 * 退回原因 choices for ReturnInput.reasonCode. GraphQL enum names cannot hold '-', so the input
 * takes `not_our_duty` for the stored code `not-our-duty` (see apps/dispatch/src/cases/enums.ts).
 */
export const RETURN_REASON_OPTIONS: { value: string; label: string }[] = Object.entries(RETURN_REASON_LABELS).map(([code, text]) => ({
  value: code.replace(/-/g, '_'),
  label: text,
}));

export const CONTACT_CHANNEL_LABELS: Record<string, string> = CONTRACT_CONTACT_LABELS;

/** dispatch's handling state (Handling.state) uses the lifecycle's stage codes and labels. */
export const HANDLING_STAGE_LABELS: Record<string, string> = CASE_STAGE_LABELS;

export const RECORD_KIND_LABELS: Record<string, string> = {
  dispatch: '分转',
  redispatch: '改派',
  return: '退回',
};

export const EXTENSION_STATUS_LABELS: Record<string, string> = {
  pending: '待审批',
  approved: '已批准',
  refused: '未批准',
  withdrawn: '已撤销',
};

export const ASSIST_STATUS_LABELS: Record<string, string> = {
  open: '办理中',
  reported: '已反馈',
  withdrawn: '已撤销',
};

export const REVIEW_STATUS_LABELS: Record<string, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已退回',
};

export const SUGGESTION_SOURCE_LABELS: Record<string, string> = {
  rule: '权责清单',
  model: '历史模型',
  none: '无建议',
};

/** "2 天 3 小时" / "3 小时 5 分钟" / "12 分钟" from a number of minutes. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d} 天 ${h} 小时`;
  if (h > 0) return `${h} 小时 ${m} 分钟`;
  return `${m} 分钟`;
}

/** 0.873 → "87%". */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${Math.round(value * 100)}%`;
}
