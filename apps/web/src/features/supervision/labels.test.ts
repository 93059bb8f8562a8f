import { describe, expect, it } from 'vitest';
import { clockTone, parseNoticeLines, selectorText, targetText } from './labels';

const clock = { state: 'running', shareUsed: 0.2, warnedAt: null, breachedAt: null, blockedReason: null, outcome: null };

describe('supervision labels', () => {
  it('reads a clock at a glance', () => {
    expect(clockTone(clock)).toBe('ok');
    expect(clockTone({ ...clock, warnedAt: '2026-12-04T08:00:00Z', shareUsed: 0.8 })).toBe('warned');
    expect(clockTone({ ...clock, shareUsed: 1.2 })).toBe('overdue');
    expect(clockTone({ ...clock, state: 'paused' })).toBe('paused');
    expect(clockTone({ ...clock, blockedReason: 'CALENDAR_YEAR_NOT_LOADED' })).toBe('blocked');
    expect(clockTone({ ...clock, state: 'stopped', outcome: 'late' })).toBe('overdue');
    expect(clockTone({ ...clock, state: 'stopped', outcome: 'met' })).toBe('done');
  });
  it('says targets and selectors in Chinese', () => {
    expect(targetText('natural-minutes', 30)).toBe('30 分钟');
    expect(targetText('natural-minutes', 120)).toBe('2 小时');
    expect(targetText('working-days', 7)).toBe('7 工作日');
    expect(selectorText({})).toBe('全部工单');
    expect(selectorText({ urgencies: ['urgent'], topics: ['物业'] })).toBe('紧急程度：紧急；主题：物业');
  });
  it('parses a pasted notice and names the first bad line', () => {
    expect(parseNoticeLines('2027-01-01,休,元旦\n2027-02-07 班 春节调休\n', 2027)).toEqual({
      days: [
        { date: '2027-01-01', working: false, name: '元旦' },
        { date: '2027-02-07', working: true, name: '春节调休' },
      ],
    });
    expect(parseNoticeLines('2027-01-01,休\n2026-12-31,休', 2027)).toEqual({ error: '第 2 行日期应为 2027 年的 YYYY-MM-DD' });
    expect(parseNoticeLines('2027-01-01,放', 2027)).toEqual({ error: '第 1 行第二项应为「休」或「班」' });
    expect(parseNoticeLines('  ', 2027)).toEqual({ error: '请至少填写一天' });
  });
});
