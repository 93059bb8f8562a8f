import type { ExclusionClaimFieldsFragment, ExclusionRuleSetFieldsFragment } from '../../gql/graphql';
import { formatDateTime } from '../../shared/time';

export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** 不纳入考核 — the claim and rule-set types are generated from the API schema (src/gql) for queries.ts. */
export type ExclusionClaim = ExclusionClaimFieldsFragment;
export type ExclusionRuleSet = ExclusionRuleSetFieldsFragment;
export type ExclusionType = ExclusionRuleSet['types'][number];

export const STATUS_COLORS: Record<ClaimStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'warning',
};
/** A claim's tag colour (the status is a plain string in the API). */
export const statusColor = (status: string): string => STATUS_COLORS[status as ClaimStatus] ?? 'default';
export const STATUS_OPTIONS: Array<{ value: ClaimStatus; label: string }> = [
  { value: 'draft', label: '草稿' },
  { value: 'submitted', label: '已提交' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'withdrawn', label: '已撤回' },
];

/** The current month in Beijing time, YYYY-MM. */
export const beijingMonth = (d = new Date()): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

/** A deadline is the end of its day (the instant the next day begins): shown as that day, 24:00. */
export const formatDeadline = (iso: string | null): string =>
  iso ? `${formatDateTime(new Date(Date.parse(iso) - 60_000).toISOString()).slice(0, 10)} 24:00` : '—';
