// Chinese labels and small rules of the supervision screens (plain functions, unit-tested).
import { REQUEST_TYPE_LABELS, TIER_LABELS, URGENCY_LABELS } from '@hotline/contracts/browser';

export const CLOCK_KIND_LABELS: Record<string, string> = {
  sign: '签收时限',
  dispatch: '分转时限',
  contact: '首次联系时限',
  handle: '办理时限',
  callback: '回访时限',
};
export const CLOCK_STATE_LABELS: Record<string, string> = { running: '计时中', paused: '已暂停', stopped: '已停止' };
export const CLOCK_OUTCOME_LABELS: Record<string, string> = { met: '按时完成', late: '超时完成', cancelled: '已取消', reset: '重新计时' };
export const TARGET_UNIT_LABELS: Record<string, string> = { 'natural-minutes': '自然分钟', 'working-hours': '工作小时', 'working-days': '工作日' };
export const URGE_RECIPIENT_LABELS: Record<string, string> = { department: '承办科室', supervisor: '督办员', leader: '局领导' };
export const URGE_LEVEL_LABELS: Record<string, string> = { reminder: '到期前提醒', breach: '超期催办', escalation: '超期升级', manual: '人工催办' };
export const DAY_KIND_LABELS: Record<string, string> = { workday: '工作日', weekend: '周末', holiday: '法定节假日', 'swapped-workday': '调休上班' };
export const SELECTOR_LABELS: Record<string, Record<string, string>> = {
  requestTypes: REQUEST_TYPE_LABELS,
  urgencies: URGENCY_LABELS,
  tiers: TIER_LABELS,
};

export type ClockTone = 'overdue' | 'warned' | 'ok' | 'paused' | 'done' | 'blocked';

/** How a clock reads at a glance: red overdue, amber warned, grey paused/done, normal otherwise. */
export function clockTone(c: {
  state: string;
  shareUsed: number | null;
  warnedAt: string | null;
  breachedAt: string | null;
  blockedReason: string | null;
  outcome: string | null;
}): ClockTone {
  if (c.state === 'stopped') return c.outcome === 'late' ? 'overdue' : 'done';
  if (c.blockedReason) return 'blocked';
  if (c.state === 'paused') return 'paused';
  if (c.breachedAt || (c.shareUsed ?? 0) >= 1) return 'overdue';
  if (c.warnedAt) return 'warned';
  return 'ok';
}

/** "7 工作日", "30 分钟", "2 小时": a definition's target as the bureau says it. */
export function targetText(unit: string, amount: number): string {
  if (unit === 'natural-minutes') return amount % 60 === 0 ? `${amount / 60} 小时` : `${Math.round(amount * 100) / 100} 分钟`;
  return `${amount} ${TARGET_UNIT_LABELS[unit] ?? unit}`;
}

/** The selector in words: 全部工单 or e.g. 紧急程度：紧急；主题：物业. */
export function selectorText(s: Record<string, string[] | null | undefined>): string {
  const names: Record<string, string> = { requestTypes: '诉求类型', urgencies: '紧急程度', tiers: '工单分级', topics: '主题' };
  const parts = Object.entries(names)
    .filter(([k]) => s[k]?.length)
    .map(([k, n]) => `${n}：${s[k]!.map((v) => SELECTOR_LABELS[k]?.[v] ?? v).join('、')}`);
  return parts.length ? parts.join('；') : '全部工单';
}

/**
 * Parses the admin's pasted State Council notice, one day a line: `2027-01-01,休,元旦` or
 * `2027-02-07 班 春节调休`. Returns the days or the first bad line (1-based).
 */
export function parseNoticeLines(text: string, year: number): { days: Array<{ date: string; working: boolean; name?: string }> } | { error: string } {
  const days: Array<{ date: string; working: boolean; name?: string }> = [];
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const [date, kind, ...rest] = line.split(/[,，\s]+/);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date ?? '') || !date.startsWith(`${year}-`)) return { error: `第 ${i + 1} 行日期应为 ${year} 年的 YYYY-MM-DD` };
    if (kind !== '休' && kind !== '班') return { error: `第 ${i + 1} 行第二项应为「休」或「班」` };
    days.push({ date, working: kind === '班', ...(rest.length ? { name: rest.join(' ') } : {}) });
  }
  if (days.length === 0) return { error: '请至少填写一天' };
  return { days };
}
