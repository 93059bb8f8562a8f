// Chinese labels for the API's enums: the domain's own from @hotline/contracts (browser entry),
// never copied here. Unknown values fall back to the raw value.
import {
  CASE_STAGE_LABELS,
  CHANNEL_LABELS as CONTRACT_CHANNEL_LABELS,
  REPLY_RESULT_LABELS,
  REQUEST_TYPE_LABELS,
  ROLE_LABELS as CONTRACT_ROLE_LABELS,
  TIER_LABELS,
  URGENCY_LABELS as CONTRACT_URGENCY_LABELS,
} from '@hotline/contracts/browser';
import type { Role } from './types';

export { REPLY_RESULT_LABELS, REQUEST_TYPE_LABELS, TIER_LABELS };

/** The roles a bureau user can have (a partner system is not a user of this app). */
export const ROLE_LABELS = Object.fromEntries(Object.entries(CONTRACT_ROLE_LABELS).filter(([r]) => r !== 'partner')) as Record<Role, string>;

export const URGENCY_LABELS: Record<string, string> = CONTRACT_URGENCY_LABELS;

/** 工单阶段 (the lifecycle's, for Case.stage). */
export const STAGE_LABELS: Record<string, string> = CASE_STAGE_LABELS;

export const ASSIGNMENT_STATUS_LABELS: Record<string, string> = {
  dispatched: '办理中',
  accepted: '办理中',
  replied: '已答复',
  returned: '已退回',
  completed: '已办结',
};

export const CHANNEL_LABELS: Record<string, string> = CONTRACT_CHANNEL_LABELS;

/** Looks a value up in a label table, falling back to the value itself. */
export function label(table: Record<string, string>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  return table[value] ?? value;
}

export function roleLabel(role: string | null | undefined): string {
  return label(ROLE_LABELS, role);
}

/** Who did a timeline step: a person's role, or the service for automatic steps. */
export const ACTOR_ROLE_LABELS: Record<string, string> = {
  ...ROLE_LABELS,
  intake: '系统（受理）',
  dispatch: '系统（派单）',
  identity: '系统（账号）',
  system: '系统',
  district: '区级12345平台',
  open311: 'Open311接口',
};

export function actorRoleLabel(value: string | null | undefined): string | null {
  if (!value) return null;
  return ACTOR_ROLE_LABELS[value] ?? '系统';
}
