import { describe, expect, it } from 'vitest';
import { assertWeights, DEFAULT_POLICY, periodOf, periodRange, policyFor, ScoringPolicyRules } from '../src/scoring/scoring-policy';
import { CaseFacts, ratesBy, threeRates } from '../src/scoring/three-rates';
import { needsAnotherRound, supervisionOutcome } from '@hotline/contracts';

const base = {
  dispatchedAt: '2026-12-01T02:00:00Z',
  contactedAt: '2026-12-01T05:00:00Z',
  handleDeadlineAt: '2026-12-08T02:00:00Z',
  firstCompletedAt: '2026-12-03T02:00:00Z',
};
let n = 0;
const fact = (over: Partial<CaseFacts>): CaseFacts => ({
  caseId: `c${++n}`,
  externalNo: `N${n}`,
  departmentId: 'd1',
  topic: '物业',
  bureau: [],
  official: [],
  ...base,
  ...over,
});
const ans = (resolved: boolean, satisfaction: 'satisfied' | 'basically' | 'dissatisfied', round = 1) => ({ round, reached: true, resolved, satisfaction });

describe('three rates (三率) under a policy', () => {
  // 5 cases: A satisfied+resolved; B basically+resolved; C dissatisfied+unresolved, contacted late;
  // D not reached yet; E excluded (不纳入考核).
  const facts = [
    fact({ externalNo: 'A', bureau: [ans(true, 'satisfied')] }),
    fact({ externalNo: 'B', bureau: [ans(true, 'basically')] }),
    fact({ externalNo: 'C', contactedAt: '2026-12-02T05:00:00Z', bureau: [ans(false, 'dissatisfied')] }),
    fact({ externalNo: 'D', bureau: [{ round: 1, reached: false, resolved: null, satisfaction: null }] }),
    fact({ externalNo: 'E', bureau: [ans(false, 'dissatisfied')] }),
  ];

  it('the default: 基本满意 × 0.9, weights 10/50/40', () => {
    const r = threeRates(facts, { ...DEFAULT_POLICY, excludedExternalNos: ['E'] });
    expect(r.counts).toEqual({
      cases: 5,
      excluded: 1,
      assessed: 4,
      responded: 3,
      answered: 3,
      pending: 1,
      resolved: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      dissatisfied: 1,
    });
    expect(r.responseRate).toBeCloseTo(3 / 4); // C contacted 27 h after dispatch > 24 h
    expect(r.resolutionRate).toBeCloseTo(2 / 3);
    expect(r.satisfactionRate).toBeCloseTo((1 + 0.9) / 3);
    expect(r.score).toBeCloseTo(10 * 0.75 + 50 * (2 / 3) + 40 * (1.9 / 3));
  });

  it('another policy on the same facts: 48 h to contact, 基本满意 × 0.5, 30/35/35, nothing excluded', () => {
    const rules: ScoringPolicyRules = { ...DEFAULT_POLICY, contactHours: 48, basicFactor: 0.5, weights: { response: 30, resolution: 35, satisfaction: 35 } };
    const r = threeRates(facts, rules);
    expect(r.counts).toMatchObject({ assessed: 5, responded: 5, answered: 4, resolved: 2 });
    expect(r.satisfactionRate).toBeCloseTo((1 + 0.5) / 4);
    expect(r.score).toBeCloseTo(30 * 1 + 35 * (2 / 4) + 35 * (1.5 / 4));
  });

  it('official results count first when the policy says so; the latest round or the first', () => {
    const f = fact({ bureau: [ans(false, 'dissatisfied', 1), ans(true, 'satisfied', 2)], official: [] });
    expect(threeRates([f], DEFAULT_POLICY).counts).toMatchObject({ resolved: 1, satisfied: 1 });
    expect(threeRates([f], { ...DEFAULT_POLICY, resultRound: 'first' }).counts).toMatchObject({ resolved: 0, dissatisfied: 1 });
    const g = { ...f, official: [ans(true, 'basically', 1)] };
    expect(threeRates([g], DEFAULT_POLICY).counts).toMatchObject({ basicallySatisfied: 1, satisfied: 0 });
    expect(threeRates([g], { ...DEFAULT_POLICY, resultSource: 'bureau' }).counts).toMatchObject({ satisfied: 1 });
  });

  it('a refused callback (reached, no answer) is not a valid callback', () => {
    const f = fact({ bureau: [{ round: 1, reached: true, resolved: null, satisfaction: null }] });
    expect(threeRates([f], DEFAULT_POLICY).counts).toMatchObject({ answered: 0, pending: 1 });
    expect(threeRates([f], DEFAULT_POLICY).score).toBeNull();
  });

  it('a case completed after its handling deadline is not responded in time when the policy counts that clock', () => {
    const late = fact({ firstCompletedAt: '2026-12-09T02:00:00Z' });
    expect(threeRates([late], DEFAULT_POLICY).counts.responded).toBe(0);
    expect(threeRates([late], { ...DEFAULT_POLICY, responseClocks: ['contact'] }).counts.responded).toBe(1);
  });

  it('groups by department', () => {
    const g = ratesBy([fact({ departmentId: 'd2', bureau: [ans(true, 'satisfied')] }), ...facts.slice(0, 2)], DEFAULT_POLICY, (f) => f.departmentId);
    expect(g.map((x) => [x.key, x.rates.counts.assessed])).toEqual([
      ['d1', 2],
      ['d2', 1],
    ]);
  });
});

describe('scoring policy', () => {
  it('refuses weights that do not add up to 100 %', () => {
    expect(() => assertWeights({ response: 10, resolution: 50, satisfaction: 30 })).toThrow(/100%/);
    expect(() => assertWeights({ response: 10, resolution: 50, satisfaction: 40 })).not.toThrow();
  });

  it('periods: the calendar month, or from the 19th of the previous month (Beijing midnight)', () => {
    expect(periodRange('2026-12', { periodKind: 'calendar', cutoffDay: 19 })).toEqual({
      from: new Date('2026-11-30T16:00:00Z'),
      to: new Date('2026-12-31T16:00:00Z'),
    });
    expect(periodRange('2026-12', { periodKind: 'cutoff', cutoffDay: 19 })).toEqual({
      from: new Date('2026-11-18T16:00:00Z'),
      to: new Date('2026-12-18T16:00:00Z'),
    });
    expect(periodRange('2027-01', { periodKind: 'cutoff', cutoffDay: 19 })).toEqual({
      from: new Date('2026-12-18T16:00:00Z'),
      to: new Date('2027-01-18T16:00:00Z'),
    });
    expect(periodOf(new Date('2026-12-18T16:30:00Z'), { periodKind: 'cutoff', cutoffDay: 19 })).toBe('2027-01'); // 19 Dec 00:30 Beijing
    expect(periodOf(new Date('2026-12-18T15:30:00Z'), { periodKind: 'cutoff', cutoffDay: 19 })).toBe('2026-12');
    expect(periodOf(new Date('2026-12-31T16:30:00Z'), { periodKind: 'calendar', cutoffDay: 19 })).toBe('2027-01');
  });

  it('the policy in force: the latest month not after the period, then the highest version', () => {
    const ps = [
      { effectiveFrom: '2000-01', version: 1 },
      { effectiveFrom: '2026-11', version: 1 },
      { effectiveFrom: '2026-11', version: 2 },
      { effectiveFrom: '2027-02', version: 1 },
    ];
    expect(policyFor('2026-10', ps)).toEqual({ effectiveFrom: '2000-01', version: 1 });
    expect(policyFor('2026-12', ps)).toEqual({ effectiveFrom: '2026-11', version: 2 });
    expect(policyFor('2027-03', ps)).toEqual({ effectiveFrom: '2027-02', version: 1 });
  });
});

describe('callback answers', () => {
  it('unresolved or dissatisfied goes round again; the supervision outcome follows the answer', () => {
    expect(needsAnotherRound({ reached: true, resolved: false, satisfaction: 'satisfied' })).toBe(true);
    expect(needsAnotherRound({ reached: true, resolved: true, satisfaction: 'dissatisfied' })).toBe(true);
    expect(needsAnotherRound({ reached: true, resolved: true, satisfaction: 'basically' })).toBe(false);
    expect(supervisionOutcome({ reached: true, resolved: true, satisfaction: 'satisfied' })).toBe('resolved');
    expect(supervisionOutcome({ reached: true, resolved: false, satisfaction: 'basically' })).toBe('unresolved');
    expect(supervisionOutcome({ reached: false, resolved: null, satisfaction: null })).toBe('unreachable');
  });
});
