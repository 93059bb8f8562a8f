import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, PolicyCommand } from '../src/scoring/scoring-policy';
import { CaseFacts, threeRates } from '../src/scoring/three-rates';

const base = {
  departmentId: 'd1',
  topic: '物业',
  dispatchedAt: '2026-12-01T02:00:00Z',
  contactedAt: '2026-12-01T05:00:00Z',
  handleDeadlineAt: '2026-12-08T02:00:00Z',
  firstCompletedAt: '2026-12-03T02:00:00Z',
  official: [],
};
const fact = (externalNo: string, resolved: boolean, satisfaction: 'satisfied' | 'dissatisfied', excludedByClaim?: boolean): CaseFacts => ({
  caseId: externalNo,
  externalNo,
  ...base,
  bureau: [{ round: 1, reached: true, resolved, satisfaction }],
  ...(excludedByClaim == null ? {} : { excludedByClaim }),
});

describe('approved 不纳入考核 claims in the three rates', () => {
  // A and B resolved and satisfied; C unresolved and dissatisfied, covered by an approved claim.
  const facts = [fact('A', true, 'satisfied'), fact('B', true, 'satisfied'), fact('C', false, 'dissatisfied', true)];

  it('leave the denominators under the default policy (flag absent in an older stored version counts as on)', () => {
    for (const rules of [DEFAULT_POLICY, { ...DEFAULT_POLICY, excludeApprovedClaims: undefined }]) {
      const r = threeRates(facts, rules);
      expect(r.counts).toMatchObject({ cases: 3, excluded: 1, assessed: 2, answered: 2, resolved: 2, satisfied: 2 });
      expect([r.responseRate, r.resolutionRate, r.satisfactionRate]).toEqual([1, 1, 1]);
    }
  });

  it('count like any case when the policy says so', () => {
    const r = threeRates(facts, { ...DEFAULT_POLICY, excludeApprovedClaims: false });
    expect(r.counts).toMatchObject({ cases: 3, excluded: 0, assessed: 3, answered: 3, resolved: 2, satisfied: 2 });
    expect(r.resolutionRate).toBeCloseTo(2 / 3);
  });

  it('a new policy version keeps the flag on unless the administrator turns it off', () => {
    const input = {
      effectiveFrom: '2026-12',
      responseClocks: ['handle'],
      contactHours: 24,
      basicFactor: 0.9,
      weights: { response: 10, resolution: 50, satisfaction: 40 },
      periodKind: 'calendar',
      cutoffDay: 19,
      resultSource: 'bureau',
      resultRound: 'latest',
    };
    expect(PolicyCommand.parse(input).excludeApprovedClaims).toBe(true);
    expect(PolicyCommand.parse({ ...input, excludeApprovedClaims: false }).excludeApprovedClaims).toBe(false);
  });
});
