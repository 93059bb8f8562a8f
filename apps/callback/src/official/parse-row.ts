import type { Satisfaction } from '@hotline/contracts';
import type { SheetCell as Cell } from '@hotline/service-kit';

/** The district platform's column names (区级平台回访结果导出), Chinese as the file has them. */
export const COLUMNS = {
  externalNo: '工单编号',
  round: '回访轮次',
  reached: '是否接通',
  resolved: '是否解决',
  satisfaction: '满意度',
  calledAt: '回访时间',
} as const;

export interface OfficialRow {
  externalNo: string;
  round: number;
  reached: boolean;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
  calledAt: Date | null;
}

const YES = ['是', '已接通', '接通', '已解决', '解决', 'y', 'yes', 'true', '1'];
const NO = ['否', '未接通', '未解决', 'n', 'no', 'false', '0'];
const SATISFACTION: Record<string, Satisfaction> = { 满意: 'satisfied', 非常满意: 'satisfied', 基本满意: 'basically', 不满意: 'dissatisfied' };

function text(c: Cell): string {
  if (c == null) return '';
  if (c instanceof Date) return c.toISOString();
  return String(c).trim();
}

function yesNo(c: Cell, field: string): boolean | null | string {
  const t = text(c).toLowerCase();
  if (!t) return null;
  if (YES.includes(t)) return true;
  if (NO.includes(t)) return false;
  return `「${field}」应为 是/否，实际为「${text(c)}」`;
}

/** One row of the file → a checked result, or the Chinese reason it is refused. Pure. */
export function parseOfficialRow(cells: Record<string, Cell>): OfficialRow | { error: string } {
  const externalNo = text(cells[COLUMNS.externalNo]);
  if (!externalNo) return { error: `缺少「${COLUMNS.externalNo}」` };
  const roundText = text(cells[COLUMNS.round]);
  const round = roundText ? Number(roundText) : 1;
  if (!Number.isInteger(round) || round < 1 || round > 9) return { error: `「${COLUMNS.round}」应为 1–9 的整数` };
  const reached = yesNo(cells[COLUMNS.reached], COLUMNS.reached);
  if (typeof reached === 'string') return { error: reached };
  if (reached === null) return { error: `缺少「${COLUMNS.reached}」` };
  const resolved = yesNo(cells[COLUMNS.resolved], COLUMNS.resolved);
  if (typeof resolved === 'string') return { error: resolved };
  const satText = text(cells[COLUMNS.satisfaction]);
  const satisfaction = satText ? SATISFACTION[satText] : null;
  if (satText && !satisfaction) return { error: `「${COLUMNS.satisfaction}」应为 满意/基本满意/不满意，实际为「${satText}」` };
  if (reached && (resolved === null || !satisfaction)) return { error: '已接通的回访须有「是否解决」和「满意度」' };
  const c = cells[COLUMNS.calledAt];
  const calledAt = c instanceof Date ? c : text(c) ? new Date(text(c).replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(text(c)) ? '' : '+08:00')) : null;
  if (calledAt && Number.isNaN(calledAt.getTime())) return { error: `「${COLUMNS.calledAt}」不是有效时间` };
  return { externalNo, round, reached, resolved: reached ? resolved : null, satisfaction: reached ? satisfaction : null, calledAt };
}
