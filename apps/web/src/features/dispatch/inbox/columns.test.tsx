import { describe, expect, it } from 'vitest';
import { baseCaseColumns, caseTableScrollX, TITLE_MIN_WIDTH } from '../../../shared/caseColumns';
import type { CaseSummary } from '../../../shared/types';

describe('case list columns', () => {
  it('keeps 标题 as the one flexible column with a minimum width', () => {
    for (const compact of [false, true]) {
      const columns = baseCaseColumns<CaseSummary>({ compact });
      const flexible = columns.filter((c) => typeof c.width !== 'number');
      expect(flexible.map((c) => c.title)).toEqual(['标题']);
      expect(flexible[0].minWidth).toBe(TITLE_MIN_WIDTH);
    }
  });

  it('merges 诉求类型 and 主题 in the compact layout and drops 收到时间 on request', () => {
    const titles = baseCaseColumns<CaseSummary>({ compact: true, receivedAt: false }).map((c) => c.title);
    expect(titles).toEqual(['工单编号', '标题', '类型 / 主题', '紧急程度']);
  });

  it('scrolls only below the width that gives 标题 its minimum', () => {
    const columns = baseCaseColumns<CaseSummary>({ compact: true, receivedAt: false });
    const fixed = columns.reduce((s, c) => s + (typeof c.width === 'number' ? c.width : 0), 0);
    expect(caseTableScrollX(columns)).toBe(fixed + TITLE_MIN_WIDTH);
    expect(caseTableScrollX(columns, 32)).toBe(fixed + TITLE_MIN_WIDTH + 32);
    // 科室工作台 adds 分派时间 96, 办理时限 136, 状态 108, 操作 160: it must fit the ~1,080 px a
    // 1366 px screen leaves for the table (with room for a vertical scrollbar).
    expect(caseTableScrollX(columns) + 96 + 136 + 108 + 160).toBeLessThanOrEqual(1064);
  });
});
