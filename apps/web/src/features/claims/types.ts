import { formatDateTime } from '../../shared/time';

export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';

export interface ExclusionClaim {
  id: string;
  externalNo: string;
  month: string;
  ruleSetMonth: string;
  ruleSetVersion: number;
  type: string;
  typeLabel: string;
  statement: string;
  status: ClaimStatus;
  statusLabel: string;
  complete: boolean;
  deadline: string;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  packageUrl: string;
  case: { id: string; title: string | null } | null;
  checklist: Array<{ key: string; label: string; done: boolean }>;
  evidence: Array<{ id: string; kind: string; name: string; url: string; size: number; uploadedAt: string }>;
}

export interface ExclusionType {
  code: string;
  label: string;
  conditions: string;
  deadlineWorkingDay: number;
  deadline: string | null;
  requiredEvidence: Array<{ key: string; label: string }>;
}

export interface ExclusionRuleSet {
  id: string;
  month: string;
  version: number;
  isDefault: boolean;
  note: string;
  createdAt: string;
  types: ExclusionType[];
}

export const STATUS_COLORS: Record<ClaimStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'warning',
};
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
