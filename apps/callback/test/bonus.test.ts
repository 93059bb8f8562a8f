import { describe, expect, it } from 'vitest';
import { bonusOf, bonusRuleOf, BonusRuleCommand, DEFAULT_BONUS_RULE } from '../src/bonus/bonus-rule';
import { DEFAULT_POLICY, PolicyCommand } from '../src/scoring/scoring-policy';
import { threeRates } from '../src/scoring/three-rates';

describe('加分: publicity points in the combined score', () => {
  it('points × score per point, added to the three-rate score', () => {
    const b = bonusOf([{ points: 5 }, { points: 3 }], { scorePerPoint: 0.1, cap: 2 }, 90);
    expect(b).toMatchObject({ points: 8, capped: false });
    expect(b.score).toBeCloseTo(0.8, 10);
    expect(b.combinedScore).toBeCloseTo(90.8, 10);
  });

  it('the cap stops the bonus; no items, no bonus; no score yet, no combined score', () => {
    const capped = bonusOf([{ points: 30 }], { scorePerPoint: 0.1, cap: 2 }, 95);
    expect(capped).toMatchObject({ points: 30, score: 2, capped: true, combinedScore: 97 });
    expect(bonusOf([], DEFAULT_BONUS_RULE, 80)).toEqual({ points: 0, score: 0, capped: false, combinedScore: 80 });
    expect(bonusOf([{ points: 4 }], DEFAULT_BONUS_RULE, null).combinedScore).toBeNull();
  });

  it('with the three rates of a period: the hand calculation', () => {
    const facts = [
      {
        caseId: 'a',
        externalNo: 'A',
        departmentId: 'd',
        topic: 't',
        dispatchedAt: '2026-12-01T00:00:00Z',
        contactedAt: '2026-12-01T01:00:00Z',
        handleDeadlineAt: null,
        firstCompletedAt: '2026-12-02T00:00:00Z',
        bureau: [{ round: 1, reached: true, resolved: true, satisfaction: 'satisfied' as const }],
        official: [],
      },
      {
        caseId: 'b',
        externalNo: 'B',
        departmentId: 'd',
        topic: 't',
        dispatchedAt: '2026-12-01T00:00:00Z',
        contactedAt: null,
        handleDeadlineAt: null,
        firstCompletedAt: '2026-12-02T00:00:00Z',
        bureau: [{ round: 1, reached: true, resolved: false, satisfaction: 'basically' as const }],
        official: [],
      },
    ];
    const r = threeRates(facts, DEFAULT_POLICY);
    const score = 10 * (1 / 2) + 50 * (1 / 2) + 40 * ((1 + 0.9) / 2); // 5 + 25 + 38 = 68
    expect(r.score).toBeCloseTo(score, 10);
    expect(bonusOf([{ points: 12 }], { scorePerPoint: 0.25, cap: 5 }, r.score).combinedScore).toBeCloseTo(68 + 3, 10);
  });

  it('a policy version without a bonus rule takes the default; a rule is validated with the policy', () => {
    expect(bonusRuleOf(DEFAULT_POLICY)).toEqual(DEFAULT_BONUS_RULE);
    expect(bonusRuleOf({ bonus: { scorePerPoint: 0.5, cap: 1 } })).toEqual({ scorePerPoint: 0.5, cap: 1 });
    expect(BonusRuleCommand.safeParse({ scorePerPoint: -1, cap: 2 }).success).toBe(false);
    const base = {
      effectiveFrom: '2027-01',
      responseClocks: ['contact'],
      contactHours: 24,
      basicFactor: 0.9,
      weights: { response: 10, resolution: 50, satisfaction: 40 },
      periodKind: 'calendar',
      cutoffDay: 19,
      resultSource: 'bureau',
      resultRound: 'latest',
    };
    expect(PolicyCommand.parse(base).bonus).toBeUndefined();
    expect(PolicyCommand.parse({ ...base, bonus: { scorePerPoint: 0.2, cap: 3 } }).bonus).toEqual({ scorePerPoint: 0.2, cap: 3 });
    expect(PolicyCommand.safeParse({ ...base, bonus: { scorePerPoint: 0.2, cap: -3 } }).success).toBe(false);
  });
});
