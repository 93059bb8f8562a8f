import type { Satisfaction } from '@hotline/contracts';
import type { ScoringPolicyRules } from './scoring-policy';

/** One callback answer (the bureau's or the district platform's). */
export interface Answer {
  round: number;
  reached: boolean;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
}

/**
 * The raw facts of one case, kept as they are so any period can be recomputed under any policy:
 * the times its clocks are measured on and every answer given about it.
 */
export interface CaseFacts {
  caseId: string;
  externalNo: string;
  departmentId: string | null;
  topic: string;
  dispatchedAt: string | null;
  contactedAt: string | null;
  handleDeadlineAt: string | null;
  firstCompletedAt: string;
  bureau: Answer[];
  official: Answer[];
  /** An approved 不纳入考核 claim covers the case (supervision's decision, as callback last heard it). */
  excludedByClaim?: boolean;
}

export interface RateCounts {
  /** Completed in the period. */
  cases: number;
  /** 不纳入考核 */
  excluded: number;
  /** cases − excluded: the denominator of 响应率 */
  assessed: number;
  responded: number;
  /** Assessed cases with an answer from a reached citizen: the denominator of 解决率 and 满意率. */
  answered: number;
  /** Assessed cases whose callback is still pending (no answer yet, or not reached). */
  pending: number;
  resolved: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

export interface Rates {
  counts: RateCounts;
  /** 响应率 = responded / assessed */
  responseRate: number | null;
  /** 解决率 = resolved / answered */
  resolutionRate: number | null;
  /** 满意率 = (satisfied + basicFactor × basicallySatisfied) / answered */
  satisfactionRate: number | null;
  /** 综合得分 = Σ weight × rate (0–100), null until every rate has a denominator. */
  score: number | null;
}

const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

/** 按时响应: every clock the policy names was met. */
export function respondedInTime(f: CaseFacts, rules: ScoringPolicyRules): boolean {
  return rules.responseClocks.every((clock) => {
    if (clock === 'contact') return !!f.dispatchedAt && !!f.contactedAt && hours(f.dispatchedAt, f.contactedAt) <= rules.contactHours;
    return !f.handleDeadlineAt || Date.parse(f.firstCompletedAt) <= Date.parse(f.handleDeadlineAt);
  });
}

/** The answer that counts for a case under the policy (source, then round), if any. */
export function countedAnswer(f: CaseFacts, rules: ScoringPolicyRules): Answer | null {
  const pick = (list: Answer[]) => {
    const reached = [...list].sort((a, b) => a.round - b.round);
    if (!reached.length) return null;
    return rules.resultRound === 'first' ? reached[0] : reached[reached.length - 1];
  };
  const official = pick(f.official);
  const bureau = pick(f.bureau);
  if (rules.resultSource === 'official') return official;
  if (rules.resultSource === 'bureau') return bureau;
  return official ?? bureau;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** 三率: the three rates and the combined score of a set of cases under one policy. Pure. */
export function threeRates(facts: readonly CaseFacts[], rules: ScoringPolicyRules): Rates {
  const excludedNos = new Set(rules.excludedExternalNos);
  const c: RateCounts = {
    cases: facts.length,
    excluded: 0,
    assessed: 0,
    responded: 0,
    answered: 0,
    pending: 0,
    resolved: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
  };
  for (const f of facts) {
    if (excludedNos.has(f.externalNo) || (f.excludedByClaim && rules.excludeApprovedClaims !== false)) {
      c.excluded++;
      continue;
    }
    c.assessed++;
    if (respondedInTime(f, rules)) c.responded++;
    const a = countedAnswer(f, rules);
    // Not reached, refused (reached but no answer) or not yet called: no valid callback yet.
    if (!a || !a.reached || (a.resolved == null && a.satisfaction == null)) {
      c.pending++;
      continue;
    }
    c.answered++;
    if (a.resolved) c.resolved++;
    if (a.satisfaction === 'satisfied') c.satisfied++;
    else if (a.satisfaction === 'basically') c.basicallySatisfied++;
    else if (a.satisfaction === 'dissatisfied') c.dissatisfied++;
  }
  return { counts: c, ...ratesOfCounts(c, rules) };
}

/** The rates and the score of raw counts (whole, or expected and fractional in the outlook). */
export function ratesOfCounts(
  c: Pick<RateCounts, 'assessed' | 'responded' | 'answered' | 'resolved' | 'satisfied' | 'basicallySatisfied'>,
  rules: Pick<ScoringPolicyRules, 'basicFactor' | 'weights'>,
): Omit<Rates, 'counts'> {
  const responseRate = ratio(c.responded, c.assessed);
  const resolutionRate = ratio(c.resolved, c.answered);
  const satisfactionRate = ratio(c.satisfied + rules.basicFactor * c.basicallySatisfied, c.answered);
  const w = rules.weights;
  const score =
    responseRate == null || resolutionRate == null || satisfactionRate == null
      ? null
      : w.response * responseRate + w.resolution * resolutionRate + w.satisfaction * satisfactionRate;
  return { responseRate, resolutionRate, satisfactionRate, score };
}

/** Groups facts by a key (department, topic) and rates each group. */
export function ratesBy(
  facts: readonly CaseFacts[],
  rules: ScoringPolicyRules,
  key: (f: CaseFacts) => string | null,
): Array<{ key: string | null; rates: Rates }> {
  const groups = new Map<string | null, CaseFacts[]>();
  for (const f of facts) {
    const k = key(f);
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  return [...groups.entries()].map(([k, g]) => ({ key: k, rates: threeRates(g, rules) })).sort((a, b) => String(a.key).localeCompare(String(b.key)));
}
