import { describe, expect, it } from 'vitest';
import { formatMinutes, percent } from './labels';
import { actionErrorMessage, errorDetails, errorReason } from './useCaseAction';

const refusal = (code: string, reason: string, message: string, details?: Record<string, unknown>) => ({
  graphQLErrors: [{ message, extensions: { code, reason, ...(details ? { details } : {}) } }],
  networkError: null,
});

describe('case action errors', () => {
  it('shows the shared conflict message for a stale version', () => {
    expect(actionErrorMessage(refusal('CONFLICT', 'STALE_VERSION', 'version mismatch'))).toBe('工单已被他人更新，请刷新后重试');
  });

  it('shows the server Chinese message for other refusals and exposes reason and details', () => {
    const e = refusal('CONFLICT', 'ASSIST_OPEN', '仍有协办科室未反馈，主办科室暂不能答复', { departmentIds: ['d1'] });
    expect(actionErrorMessage(e)).toBe('仍有协办科室未反馈，主办科室暂不能答复');
    expect(errorReason(e)).toBe('ASSIST_OPEN');
    expect(errorDetails(e)).toEqual({ departmentIds: ['d1'] });
  });
});

describe('formatting', () => {
  it('formats held time and percentages', () => {
    expect(formatMinutes(12)).toBe('12 分钟');
    expect(formatMinutes(125)).toBe('2 小时 5 分钟');
    expect(formatMinutes(1500)).toBe('1 天 1 小时');
    expect(formatMinutes(null)).toBe('—');
    expect(percent(0.873)).toBe('87%');
  });
});
