import { CALLBACK_ERRORS } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { BonusRule, BonusRuleCommand } from '../bonus/bonus-rule';

/**
 * 三率考核口径 — the scoring policy, configuration versioned by month (never code). A policy
 * applies from its `effectiveFrom` month until a later one takes over; within a month the highest
 * version wins. The shipped default is NOT official: it follows one district's public analysis
 * (10 % / 50 % / 40 %, 基本满意 × 0.9, periods from the 19th) and must be confirmed with the bureau.
 */
export interface ScoringPolicyRules {
  /** 响应 — which clocks a case must meet to count as responded in time. */
  responseClocks: Array<'contact' | 'handle'>;
  /** 'contact': the citizen first contacted within this many hours of dispatch. */
  contactHours: number;
  /** 基本满意 counts as this share of 满意 (0–1). */
  basicFactor: number;
  /** Weights of the combined score, in percent; they add up to 100. */
  weights: { response: number; resolution: number; satisfaction: number };
  /** The period: the calendar month, or from `cutoffDay` of the previous month to the day before `cutoffDay` of this one. */
  periodKind: 'calendar' | 'cutoff';
  cutoffDay: number;
  /** Whose callback answer counts: the bureau's own, the district platform's official one, or official where there is one. */
  resultSource: 'bureau' | 'official' | 'official-first';
  /** Which round's answer counts when a case went round twice: the first or the latest. */
  resultRound: 'first' | 'latest';
  /** 不纳入考核: cases (by external number) left out of every denominator (approved claims). */
  excludedExternalNos: string[];
  /** 不纳入考核: approved claims (from supervision) leave the denominators of their case's period. Absent in versions saved before it existed: true. */
  excludeApprovedClaims?: boolean;
  /** 加分: how publicity's bonus points add to the combined score (bonus/bonus-rule.ts; the default when absent). */
  bonus?: BonusRule;
}

export const DEFAULT_POLICY: ScoringPolicyRules = {
  responseClocks: ['contact', 'handle'],
  contactHours: 24,
  basicFactor: 0.9,
  weights: { response: 10, resolution: 50, satisfaction: 40 },
  periodKind: 'cutoff',
  cutoffDay: 19,
  resultSource: 'official-first',
  resultRound: 'latest',
  excludedExternalNos: [],
  excludeApprovedClaims: true,
};

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');

export const PolicyCommand = z.object({
  effectiveFrom: month,
  responseClocks: z.array(z.enum(['contact', 'handle'], '响应口径无效')).max(2),
  contactHours: z.number().int('联系时限须为整数小时').min(1, '联系时限至少 1 小时').max(720, '联系时限最多 720 小时'),
  basicFactor: z.number().min(0, '基本满意系数须在 0 到 1 之间').max(1, '基本满意系数须在 0 到 1 之间'),
  weights: z.object({
    response: z.number().min(0, '权重不能为负'),
    resolution: z.number().min(0, '权重不能为负'),
    satisfaction: z.number().min(0, '权重不能为负'),
  }),
  periodKind: z.enum(['calendar', 'cutoff'], '考核周期类型无效'),
  cutoffDay: z.number().int().min(2, '截止日须在 2 到 28 日之间').max(28, '截止日须在 2 到 28 日之间'),
  resultSource: z.enum(['bureau', 'official', 'official-first'], '回访结果来源无效'),
  resultRound: z.enum(['first', 'latest'], '计分轮次无效'),
  excludedExternalNos: z.array(z.string().trim().min(1).max(64)).max(10_000).default([]),
  excludeApprovedClaims: z.boolean().default(true),
  note: z.string().trim().max(200).default(''),
  bonus: BonusRuleCommand.optional(),
});
export type PolicyInput = z.infer<typeof PolicyCommand>;

/** Refuses weights that do not add up to 100 % (WEIGHTS_NOT_100): a score out of a wrong total means nothing. */
export function assertWeights(w: ScoringPolicyRules['weights']): void {
  const sum = w.response + w.resolution + w.satisfaction;
  if (Math.abs(sum - 100) > 1e-9) throw codedError(CALLBACK_ERRORS.WEIGHTS_NOT_100, { sum: Math.round(sum * 100) / 100 }, { sum });
}

/** The policy in force for a period: the latest `effectiveFrom` not after it, then the highest version. */
export function policyFor<P extends { effectiveFrom: string; version: number }>(period: string, policies: readonly P[]): P | undefined {
  return [...policies]
    .filter((p) => p.effectiveFrom <= period)
    .sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? b.version - a.version : a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

const BEIJING_MS = 8 * 3_600_000;
const beijingMidnight = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d) - BEIJING_MS);

/**
 * The instants a period `YYYY-MM` covers, [from, to), in Beijing time: the calendar month, or
 * with a cut-off day D, from D of the previous month to D of this one (period 2026-12 with D = 19:
 * 2026-11-19 00:00 to 2026-12-19 00:00).
 */
export function periodRange(period: string, rules: Pick<ScoringPolicyRules, 'periodKind' | 'cutoffDay'>): { from: Date; to: Date } {
  const parsed = month.safeParse(period);
  if (!parsed.success) throw codedError(CALLBACK_ERRORS.INVALID_PERIOD);
  const [y, m] = period.split('-').map(Number);
  if (rules.periodKind === 'calendar') return { from: beijingMidnight(y, m, 1), to: beijingMidnight(y, m + 1, 1) };
  return { from: beijingMidnight(y, m - 1, rules.cutoffDay), to: beijingMidnight(y, m, rules.cutoffDay) };
}

/** The period an instant falls in under the rules (the inverse of periodRange). */
export function periodOf(t: Date, rules: Pick<ScoringPolicyRules, 'periodKind' | 'cutoffDay'>): string {
  const b = new Date(t.getTime() + BEIJING_MS);
  let y = b.getUTCFullYear();
  let m = b.getUTCMonth() + 1;
  if (rules.periodKind === 'cutoff' && b.getUTCDate() >= rules.cutoffDay) {
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}
