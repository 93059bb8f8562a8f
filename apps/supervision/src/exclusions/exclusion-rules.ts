import { beijingDate, beijingMidnight, CalendarData, CalendarError, dayInfo, nextDate, weekdayOf } from '@hotline/calendar';
import { codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

/**
 * 不纳入考核 (exclusion from assessment) — the rules a claim is checked against. They change every
 * month: a rule set applies from its `month` until a later one takes over; within a month the
 * highest version wins, and a claim keeps the version it was made under.
 */

/** A kind of evidence a type asks for (e.g. 录音, 既往工单, 法院受理通知书). */
export interface EvidenceKind {
  key: string;
  label: string;
}

/** 不纳入考核类型 — one exclusion type of a month's rule set. */
export interface ExclusionTypeRule {
  /** Code carried in the events, e.g. `art11-repeat`, `malicious-repeat`. */
  code: string;
  label: string;
  /** 适用条件 — when the type applies, as the month's notice words it. */
  conditions: string;
  /** 所需佐证材料 — at least one file of each kind. */
  requiredEvidence: EvidenceKind[];
  /** 申报截止 — the Nth working day of the month after the claim's month. */
  deadlineWorkingDay: number;
}

const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '编码只能使用小写字母、数字和连字符（最多 64 位）');
export const MONTH = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const RuleSetCommand = z.object({
  month: MONTH,
  note: z.string().trim().max(200, '说明最多 200 个字').default(''),
  types: z
    .array(
      z.object({
        code,
        label: z.string().trim().min(2, '类型名称至少 2 个字').max(50, '类型名称最多 50 个字'),
        conditions: z.string().trim().min(2, '适用条件至少 2 个字').max(2000, '适用条件最多 2000 个字'),
        requiredEvidence: z
          .array(z.object({ key: code, label: z.string().trim().min(1, '材料名称不能为空').max(50, '材料名称最多 50 个字') }))
          .max(20, '每类最多 20 种材料'),
        deadlineWorkingDay: z.number().int('截止工作日须为整数').min(1, '截止工作日须在 1 到 20 之间').max(20, '截止工作日须在 1 到 20 之间'),
      }),
    )
    .min(1, '至少需要一个不纳入考核类型')
    .max(30, '最多 30 个类型'),
});
export type RuleSetInput = z.infer<typeof RuleSetCommand>;

/** Codes unique within a rule set, evidence keys unique within a type (RULE_SET_DUPLICATE_CODE). */
export function checkRuleSet(cmd: RuleSetInput): RuleSetInput {
  const codes = new Set<string>();
  for (const t of cmd.types) {
    if (codes.has(t.code)) throw codedError(SUPERVISION_ERRORS.RULE_SET_DUPLICATE_CODE, { code: t.code });
    codes.add(t.code);
    const keys = new Set<string>();
    for (const k of t.requiredEvidence) {
      if (keys.has(k.key)) throw codedError(SUPERVISION_ERRORS.RULE_SET_DUPLICATE_EVIDENCE, { type: t.label, key: k.key });
      keys.add(k.key);
    }
  }
  return cmd;
}

/** The rule set in force for a month: the latest `month` not after it, then the highest version. */
export function ruleSetFor<R extends { month: string; version: number }>(month: string, sets: readonly R[]): R | undefined {
  return [...sets].filter((s) => s.month <= month).sort((a, b) => (a.month === b.month ? b.version - a.version : a.month < b.month ? 1 : -1))[0];
}

/** One line of a claim's checklist (what the month's rules still require). */
export interface ChecklistItem {
  key: string;
  label: string;
  done: boolean;
}

export const MIN_STATEMENT = 20;

/** 核对清单: a statement of some substance, and at least one file of each evidence kind the type requires. */
export function checklist(type: ExclusionTypeRule, statement: string, evidenceKinds: readonly string[]): ChecklistItem[] {
  const have = new Set(evidenceKinds);
  return [
    { key: 'statement', label: `申请说明（至少 ${MIN_STATEMENT} 个字）`, done: statement.trim().length >= MIN_STATEMENT },
    ...type.requiredEvidence.map((k) => ({ key: k.key, label: k.label, done: have.has(k.key) })),
  ];
}

const monthAfter = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** A working day on the calendar; past its loaded years, Monday to Friday (never later than the real one would be, as holidays only push it out). */
function working(cal: CalendarData, date: string): boolean {
  try {
    return dayInfo(cal, date).working;
  } catch (e) {
    if (e instanceof CalendarError && e.code === 'CALENDAR_YEAR_NOT_LOADED') {
      const wd = weekdayOf(date);
      return wd !== 0 && wd !== 6;
    }
    throw e;
  }
}

/**
 * 申报截止: the end (24:00 Beijing time) of the Nth working day of the month after `month`, on the
 * working calendar (holidays and 调休 counted). Returns the instant submissions stop.
 */
export function submissionDeadline(month: string, nthWorkingDay: number, cal: CalendarData): Date {
  let date = `${monthAfter(month)}-01`;
  let n = 0;
  for (;;) {
    if (working(cal, date)) n++;
    if (n === nthWorkingDay) return beijingMidnight(nextDate(date));
    date = nextDate(date);
  }
}

/** The assessment month an instant falls in (Beijing time). */
export const monthOf = (at: Date): string => beijingDate(at).slice(0, 7);

export type ClaimStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type ClaimAction = 'edit' | 'submit' | 'approve' | 'reject' | 'withdraw';

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
};

const MOVES: Record<ClaimAction, { from: ClaimStatus[]; to: ClaimStatus }> = {
  edit: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  withdraw: { from: ['draft', 'submitted'], to: 'withdrawn' },
};

/** The claim's state machine: draft → submitted → approved / rejected; withdrawn from draft or submitted. */
export function nextStatus(from: ClaimStatus, action: ClaimAction): ClaimStatus {
  const move = MOVES[action];
  if (!move.from.includes(from)) {
    throw codedError(SUPERVISION_ERRORS.CLAIM_STATUS_CONFLICT, {
      status: CLAIM_STATUS_LABELS[from],
      action: { edit: '修改', submit: '提交', approve: '通过', reject: '驳回', withdraw: '撤回' }[action],
    });
  }
  return move.to;
}
