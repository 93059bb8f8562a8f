import { describe, expect, it } from 'vitest';
import { parseOfficialRow } from '../src/official/parse-row';

describe('district callback rows (区级平台回访结果)', () => {
  it('reads a reached answer with Beijing time', () => {
    expect(parseOfficialRow({ 工单编号: 'BJ-1', 回访轮次: '2', 是否接通: '是', 是否解决: '否', 满意度: '不满意', 回访时间: '2026-12-04 10:00' })).toEqual({
      externalNo: 'BJ-1',
      round: 2,
      reached: true,
      resolved: false,
      satisfaction: 'dissatisfied',
      calledAt: new Date('2026-12-04T02:00:00Z'),
    });
  });
  it('a not-reached row needs no answer; the round defaults to 1', () => {
    expect(parseOfficialRow({ 工单编号: 'BJ-2', 是否接通: '未接通' })).toMatchObject({
      round: 1,
      reached: false,
      resolved: null,
      satisfaction: null,
      calledAt: null,
    });
  });
  it('refuses rows it cannot read, saying why in Chinese', () => {
    expect(parseOfficialRow({ 是否接通: '是' })).toEqual({ error: '缺少「工单编号」' });
    expect(parseOfficialRow({ 工单编号: 'X', 是否接通: '也许' })).toEqual({ error: '「是否接通」应为 是/否，实际为「也许」' });
    expect(parseOfficialRow({ 工单编号: 'X', 是否接通: '是', 是否解决: '是', 满意度: '还行' })).toMatchObject({ error: expect.stringContaining('满意度') });
    expect(parseOfficialRow({ 工单编号: 'X', 是否接通: '是' })).toEqual({ error: '已接通的回访须有「是否解决」和「满意度」' });
    expect(parseOfficialRow({ 工单编号: 'X', 回访轮次: '0', 是否接通: '否' })).toMatchObject({ error: expect.stringContaining('回访轮次') });
    expect(parseOfficialRow({ 工单编号: 'X', 是否接通: '否', 回访时间: '昨天' })).toMatchObject({ error: expect.stringContaining('回访时间') });
  });
});
