import type { ScoringPolicyRules } from '../scoring/scoring-policy';
import { RateCounts, Rates, ratesOfCounts } from '../scoring/three-rates';

/** How the callbacks of past periods went: shares of the assessed cases, and of those answered. */
export interface CallbackHistory {
  /** Assessed cases of the past periods (their callbacks are over). */
  assessed: number;
  /** Share of assessed cases that got a valid callback (the rest stayed unreachable or refused). */
  answerShare: number | null;
  /** Of the answered: resolved, 满意, 基本满意, 不满意. */
  resolvedShare: number | null;
  satisfiedShare: number | null;
  basicShare: number | null;
  dissatisfiedShare: number | null;
}

/** Expected counts (fractional) once the pending callbacks are made, and the rates and score they give. */
export interface Projection extends Omit<Rates, 'counts'> {
  answered: number;
  resolved: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  /** Pending callbacks the projection counts as answered (pending × answerShare). */
  expectedAnswers: number;
}

const share = (n: number, d: number) => (d === 0 ? null : n / d);

/** The shares of past periods' raw counts (those periods' pending = never reached). */
export function callbackHistory(past: RateCounts): CallbackHistory {
  return {
    assessed: past.assessed,
    answerShare: share(past.answered, past.assessed),
    resolvedShare: share(past.resolved, past.answered),
    satisfiedShare: share(past.satisfied, past.answered),
    basicShare: share(past.basicallySatisfied, past.answered),
    dissatisfiedShare: share(past.dissatisfied, past.answered),
  };
}

/**
 * 预测 (what-if): the period as it stands, with its pending callbacks answered as the callbacks of
 * the last periods were — the same share reached, resolved, 满意 / 基本满意 / 不满意. Without
 * history (nothing answered in those periods) the pending add nothing and the projection is the
 * period so far. 响应率 does not move: responses are already known. Pure.
 */
export function projectPending(current: RateCounts, history: CallbackHistory, rules: Pick<ScoringPolicyRules, 'basicFactor' | 'weights'>): Projection {
  const expectedAnswers = history.answerShare == null || history.resolvedShare == null ? 0 : current.pending * history.answerShare;
  const add = (s: number | null) => expectedAnswers * (s ?? 0);
  const counts = {
    assessed: current.assessed,
    responded: current.responded,
    answered: current.answered + expectedAnswers,
    resolved: current.resolved + add(history.resolvedShare),
    satisfied: current.satisfied + add(history.satisfiedShare),
    basicallySatisfied: current.basicallySatisfied + add(history.basicShare),
    dissatisfied: current.dissatisfied + add(history.dissatisfiedShare),
  };
  return { ...counts, expectedAnswers, ...ratesOfCounts(counts, rules) };
}

/** The `n` periods before `period` (YYYY-MM), oldest first. */
export function previousPeriods(period: string, n: number): string[] {
  const [y, m] = period.split('-').map(Number);
  const out: string[] = [];
  for (let i = n; i >= 1; i--) {
    const t = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
