import { describe, expect, it } from 'vitest';
import { callbackHistory, previousPeriods, projectPending } from '../src/outlook/outlook';
import { DEFAULT_POLICY } from '../src/scoring/scoring-policy';
import type { RateCounts } from '../src/scoring/three-rates';

const counts = (over: Partial<RateCounts>): RateCounts => ({
  cases: 0,
  excluded: 0,
  assessed: 0,
  responded: 0,
  answered: 0,
  pending: 0,
  resolved: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  ...over,
});

describe('the month outlook (本月预测): pending callbacks as in the last three periods', () => {
  // The last three periods: 40 assessed, 30 answered (10 never reached); of the 30: 24 resolved,
  // 21 满意, 6 基本满意, 3 不满意.
  const past = counts({
    cases: 40,
    assessed: 40,
    responded: 36,
    answered: 30,
    pending: 10,
    resolved: 24,
    satisfied: 21,
    basicallySatisfied: 6,
    dissatisfied: 3,
  });
  const history = callbackHistory(past);

  it('the shares of the past', () => {
    expect(history).toEqual({ assessed: 40, answerShare: 0.75, resolvedShare: 0.8, satisfiedShare: 0.7, basicShare: 0.2, dissatisfiedShare: 0.1 });
  });

  it('this period: 10 assessed, 4 answered so far (3 resolved, 2 满意 1 基本满意 1 不满意), 6 pending → the hand calculation', () => {
    const now = counts({ cases: 10, assessed: 10, responded: 9, answered: 4, pending: 6, resolved: 3, satisfied: 2, basicallySatisfied: 1, dissatisfied: 1 });
    const p = projectPending(now, history, DEFAULT_POLICY);
    // 6 pending × 0.75 = 4.5 expected answers: +3.6 resolved, +3.15 满意, +0.9 基本满意, +0.45 不满意.
    expect(p.expectedAnswers).toBeCloseTo(4.5, 10);
    expect(p.answered).toBeCloseTo(8.5, 10);
    expect(p.resolved).toBeCloseTo(6.6, 10);
    expect(p.satisfied).toBeCloseTo(5.15, 10);
    expect(p.basicallySatisfied).toBeCloseTo(1.9, 10);
    expect(p.dissatisfied).toBeCloseTo(1.45, 10);
    expect(p.responseRate).toBeCloseTo(0.9, 10);
    expect(p.resolutionRate).toBeCloseTo(6.6 / 8.5, 10);
    expect(p.satisfactionRate).toBeCloseTo((5.15 + 0.9 * 1.9) / 8.5, 10);
    expect(p.score).toBeCloseTo(10 * 0.9 + 50 * (6.6 / 8.5) + 40 * ((5.15 + 0.9 * 1.9) / 8.5), 10);
  });

  it('without history the pending add nothing; nothing pending, nothing moves', () => {
    const now = counts({ assessed: 2, responded: 2, answered: 1, pending: 1, resolved: 1, satisfied: 1 });
    const none = projectPending(now, callbackHistory(counts({})), DEFAULT_POLICY);
    expect(none).toMatchObject({ expectedAnswers: 0, answered: 1, resolved: 1, resolutionRate: 1 });
    const done = projectPending({ ...now, pending: 0 }, history, DEFAULT_POLICY);
    expect(done).toMatchObject({ expectedAnswers: 0, answered: 1 });
  });

  it('the three periods before, across the year end', () => {
    expect(previousPeriods('2027-02', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(previousPeriods('2026-12', 3)).toEqual(['2026-09', '2026-10', '2026-11']);
  });
});
