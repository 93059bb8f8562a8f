// Chinese labels for the API's enums. Unknown values fall back to the raw value.
import type { CaseStage, ReplyResult, RequestType, Role, Tier } from './types';

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  duty: '值守员',
  handler: '科室承办人',
  supervisor: '督办员',
  callback: '回访员',
  leader: '局领导',
};

export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
};

export const URGENCY_LABELS: Record<string, string> = {
  normal: '一般',
  timely: '及时',
  urgent: '紧急',
};

export const TIER_LABELS: Record<Tier, string> = {
  simple: '简单类',
  general: '一般类',
  difficult: '疑难类',
};

export const STAGE_LABELS: Record<CaseStage, string> = {
  received: '待签收',
  signed: '已签收',
  dispatched: '已分转',
  accepted: '科室已接收',
  replied: '已答复',
  completed: '已办结',
};

export const REPLY_RESULT_LABELS: Record<ReplyResult, string> = {
  solved: '已解决',
  partly: '部分解决',
  explained: '已解释说明',
  unsolvable: '政策原因无法解决',
};

export const ASSIGNMENT_STATUS_LABELS: Record<string, string> = {
  dispatched: '办理中',
  accepted: '办理中',
  replied: '已答复',
  returned: '已退回',
  completed: '已办结',
};

export const CHANNEL_LABELS: Record<string, string> = {
  district: '区级12345平台',
  import: '批量导入',
  open311: 'Open311接口',
  manual: '人工录入',
};

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
