import { describe, expect, it } from 'vitest';
import { createCalendar, seedOverrides } from '@hotline/calendar';
import { DEFAULT_EXCLUSION_TYPES } from '../src/exclusions/default-rule-set';
import { checklist, checkRuleSet, MIN_STATEMENT, nextStatus, ruleSetFor, RuleSetCommand, submissionDeadline } from '../src/exclusions/exclusion-rules';

const cal = createCalendar({ years: [2025, 2026], overrides: seedOverrides([2025, 2026]) });
const beijing = (s: string) => new Date(`${s}+08:00`);

describe('不纳入考核 rules', () => {
  it('the deadline is the end of the Nth working day of the next month, holidays and 调休 counted', () => {
    // 2026-10: 1–7 National Day holiday (8 Oct a Thursday); the 2nd working day of October is Fri 9 Oct
    // (Sat 10 Oct is a 调休 working day in 2026 and counts as the 3rd).
    expect(submissionDeadline('2026-09', 1, cal)).toEqual(beijing('2026-10-09T00:00:00'));
    expect(submissionDeadline('2026-09', 2, cal)).toEqual(beijing('2026-10-10T00:00:00'));
    expect(submissionDeadline('2026-09', 3, cal)).toEqual(beijing('2026-10-11T00:00:00'));
    // An ordinary month: December 2026 starts on a Tuesday; the 5th working day is Mon 7 Dec.
    expect(submissionDeadline('2026-11', 5, cal)).toEqual(beijing('2026-12-08T00:00:00'));
  });

  it('past the loaded calendar, Monday to Friday count (never later than the real deadline)', () => {
    // January 2027 is not loaded: Fri 1, Mon 4, Tue 5, Wed 6, Thu 7 → the 5th is 7 Jan.
    expect(submissionDeadline('2026-12', 5, cal)).toEqual(beijing('2027-01-08T00:00:00'));
  });

  it('the checklist asks for a statement and one file of every required kind', () => {
    const type = DEFAULT_EXCLUSION_TYPES.find((t) => t.code === 'art11-repeat')!;
    const empty = checklist(type, '太短', []);
    expect(empty.map((i) => [i.key, i.done])).toEqual([
      ['statement', false],
      ['prior-cases', false],
      ['call-record', false],
    ]);
    const full = checklist(type, '诉'.repeat(MIN_STATEMENT), ['prior-cases', 'call-record', 'call-record']);
    expect(full.every((i) => i.done)).toBe(true);
    expect(
      checklist(type, '诉'.repeat(MIN_STATEMENT), ['prior-cases'])
        .filter((i) => !i.done)
        .map((i) => i.key),
    ).toEqual(['call-record']);
  });

  it('the rule set of a month: the latest month not after it, then the highest version', () => {
    const sets = [
      { month: '2000-01', version: 1, id: 'default' },
      { month: '2026-10', version: 1, id: 'oct-1' },
      { month: '2026-10', version: 2, id: 'oct-2' },
      { month: '2026-12', version: 1, id: 'dec' },
    ];
    expect(ruleSetFor('2026-09', sets)?.id).toBe('default');
    expect(ruleSetFor('2026-10', sets)?.id).toBe('oct-2');
    expect(ruleSetFor('2026-11', sets)?.id).toBe('oct-2');
    expect(ruleSetFor('2027-03', sets)?.id).toBe('dec');
    expect(ruleSetFor('1999-12', sets)).toBeUndefined();
  });

  it('a claim moves draft → submitted → approved / rejected, and is withdrawn only before a decision', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'approve')).toBe('approved');
    expect(nextStatus('submitted', 'reject')).toBe('rejected');
    expect(nextStatus('draft', 'withdraw')).toBe('withdrawn');
    expect(() => nextStatus('draft', 'approve')).toThrow(/不能通过/);
    expect(() => nextStatus('approved', 'withdraw')).toThrow(/不能撤回/);
    expect(() => nextStatus('submitted', 'edit')).toThrow(/不能修改/);
  });

  it('a rule set with a duplicate type code or a bad deadline is refused', () => {
    const type = { code: 'a', label: '类型甲', conditions: '条件说明', requiredEvidence: [], deadlineWorkingDay: 5 };
    expect(() => checkRuleSet(RuleSetCommand.parse({ month: '2026-12', types: [type, type] }))).toThrow(/类型编码重复/);
    expect(RuleSetCommand.safeParse({ month: '2026-12', types: [{ ...type, deadlineWorkingDay: 0 }] }).success).toBe(false);
    expect(RuleSetCommand.safeParse({ month: '2026-13', types: [type] }).success).toBe(false);
    expect(checkRuleSet(RuleSetCommand.parse({ month: '2026-12', types: DEFAULT_EXCLUSION_TYPES })).types).toHaveLength(7);
  });
});
