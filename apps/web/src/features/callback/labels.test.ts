import { describe, expect, it } from 'vitest';
import { awaitingNextRound, needsExplanation, percent, periodOf } from './labels';

describe('回访 screen rules', () => {
  it('asks for an explanation exactly when the case will go round again', () => {
    expect(needsExplanation(false, 'satisfied')).toBe(true);
    expect(needsExplanation(true, 'dissatisfied')).toBe(true);
    expect(needsExplanation(true, 'basically')).toBe(false);
    expect(needsExplanation(undefined, undefined)).toBe(false);
  });
  it('waits on the case page for supervision to open the round an answer asked for, for a minute at most', () => {
    const at = '2026-12-04T02:00:00Z';
    const now = Date.parse(at) + 5_000;
    const result = (resolved: boolean, satisfaction: string) => ({ round: 1, result: { resolved, satisfaction, recordedAt: at } });
    expect(awaitingNextRound({ callbacks: [result(false, 'dissatisfied')], supervisions: [] }, now)).toBe(true);
    expect(awaitingNextRound({ callbacks: [result(false, 'dissatisfied')], supervisions: [{ round: 2 }] }, now)).toBe(false);
    expect(awaitingNextRound({ callbacks: [result(true, 'satisfied')], supervisions: [] }, now)).toBe(false);
    expect(awaitingNextRound({ callbacks: [{ round: 1, result: null }], supervisions: [] }, now)).toBe(false);
    expect(awaitingNextRound({ callbacks: [result(false, 'dissatisfied')], supervisions: [] }, now + 60_000)).toBe(false);
    expect(awaitingNextRound(undefined, now)).toBe(false);
  });
  it('shows rates as the bureau reads them', () => {
    expect(percent(0.962)).toBe('96.20%');
    expect(percent(1)).toBe('100.00%');
    expect(percent(null)).toBe('—');
  });
  it('finds the period in Beijing time, from the cut-off day', () => {
    expect(periodOf(new Date('2026-12-18T15:59:00Z'), 19)).toBe('2026-12');
    expect(periodOf(new Date('2026-12-18T16:00:00Z'), 19)).toBe('2027-01');
    expect(periodOf(new Date('2026-12-31T16:00:00Z'), null)).toBe('2027-01');
  });
});
