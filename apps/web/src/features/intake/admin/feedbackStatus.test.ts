import { describe, expect, it } from 'vitest';
import { EXPORTED_TEXT, feedbackStatus, isWaitingForManualUpload, NO_WEBHOOK_TEXT } from './feedbackStatus';

const NOW = Date.parse('2026-11-25T13:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
const rec = (state: string, attempts: number, nextAttemptAt: string | null, deliveredAt: string | null = null) => ({
  state,
  attempts,
  nextAttemptAt,
  deliveredAt,
});

describe('feedbackStatus', () => {
  it('without a 回传地址 a pending record says to export and upload by hand, with no past retry time', () => {
    const s = feedbackStatus(rec('pending', 0, at(-120)), { webhook: false, now: NOW });
    expect(s).toEqual({ text: NO_WEBHOOK_TEXT, tone: 'warning', manual: true });
    expect(s.text).toBe('未设置回传地址：请导出后手工上传');
    expect(s.text).not.toContain('自动回传');
  });

  it('for duty (the address unknown) reads the same from a record never tried and long due', () => {
    expect(feedbackStatus(rec('pending', 0, at(-120)), { now: NOW }).text).toBe(NO_WEBHOOK_TEXT);
    // never tried, due later: only the reply is being fetched from dispatch — no address either
    expect(feedbackStatus(rec('pending', 0, at(1)), { now: NOW }).text).toBe(NO_WEBHOOK_TEXT);
    expect(feedbackStatus(rec('pending', 0, null), { now: NOW }).text).toBe(NO_WEBHOOK_TEXT);
    // tried before, due long ago: the address was removed since
    expect(feedbackStatus(rec('pending', 2, at(-30)), { now: NOW }).text).toBe(NO_WEBHOOK_TEXT);
  });

  it('a record just completed waits for the delivery loop', () => {
    expect(feedbackStatus(rec('pending', 0, at(-0.2)), { now: NOW })).toEqual({ text: '等待自动回传', tone: 'secondary', manual: false });
    expect(feedbackStatus(rec('pending', 0, at(-120)), { webhook: true, now: NOW }).text).toBe('等待自动回传');
  });

  it('a failed attempt shows the retry time only while it is still ahead', () => {
    const ahead = feedbackStatus(rec('pending', 2, at(5)), { now: NOW });
    expect(ahead).toMatchObject({ text: '第 2 次回传未成功，将自动重试', time: { label: '下次重试', at: at(5) }, manual: false });
    const past = feedbackStatus(rec('pending', 2, at(-0.5)), { now: NOW });
    expect(past.text).toBe('第 2 次回传未成功，正在重试');
    expect(past.time).toBeUndefined();
  });

  it('exported records wait for the manual upload', () => {
    expect(feedbackStatus(rec('exported', 0, null), { now: NOW })).toEqual({ text: EXPORTED_TEXT, tone: 'warning', manual: true });
    expect(EXPORTED_TEXT).toBe('已导出，待手工上传至区平台');
  });

  it('delivered records show when; failed ones offer retry or export', () => {
    expect(feedbackStatus(rec('delivered', 1, null, at(-10)), { now: NOW })).toMatchObject({
      text: '已回传区平台',
      tone: 'success',
      time: { label: '反馈时间', at: at(-10) },
    });
    expect(feedbackStatus(rec('failed', 8, null), { now: NOW })).toMatchObject({
      text: '自动回传失败（已尝试 8 次）：可重试，或导出后手工上传',
      tone: 'danger',
      manual: true,
    });
    expect(feedbackStatus(rec('failed', 8, null), { webhook: false, now: NOW }).text).toContain(NO_WEBHOOK_TEXT);
  });

  it('never shows a past time', () => {
    for (const webhook of [true, false, undefined]) {
      for (const r of [
        rec('pending', 0, at(-60)),
        rec('pending', 3, at(-60)),
        rec('pending', 3, at(-1)),
        rec('failed', 8, at(-60)),
        rec('exported', 1, at(-60)),
      ]) {
        const s = feedbackStatus(r, { webhook, now: NOW });
        if (s.time) expect(s.time.label === '反馈时间' || Date.parse(s.time.at) > NOW).toBe(true);
      }
    }
  });
});

describe('isWaitingForManualUpload', () => {
  it('is about pending records only', () => {
    expect(isWaitingForManualUpload(rec('exported', 0, null), undefined, NOW)).toBe(false);
    expect(isWaitingForManualUpload(rec('failed', 8, null), false, NOW)).toBe(false);
    expect(isWaitingForManualUpload(rec('pending', 0, at(-60)), true, NOW)).toBe(false);
    expect(isWaitingForManualUpload(rec('pending', 0, at(-60)), false, NOW)).toBe(true);
  });
});
