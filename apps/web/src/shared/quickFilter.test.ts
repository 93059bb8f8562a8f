import { describe, expect, it } from 'vitest';
import { matchesQuickFilter } from './quickFilter';

describe('matchesQuickFilter', () => {
  const c = { externalNo: 'E2E-7ca2a7ff', title: '小区电梯停运三天', projectName: '林肯公园' };
  it('keeps everything for an empty filter', () => expect(matchesQuickFilter(c, '  ')).toBe(true));
  it('matches the order number case-insensitively, the title and the project', () => {
    expect(matchesQuickFilter(c, 'e2e-7CA2')).toBe(true);
    expect(matchesQuickFilter(c, '电梯')).toBe(true);
    expect(matchesQuickFilter(c, '林肯')).toBe(true);
  });
  it('drops a case that does not match', () => expect(matchesQuickFilter(c, '扬尘')).toBe(false));
});
