import { describe, expect, it } from 'vitest';
import { computeCountdown, dispatchDueOf } from './countdown';

const due = '2025-03-01T08:30:00.000Z';
const at = (iso: string) => new Date(iso);

describe('computeCountdown', () => {
  it('is normal with 10 minutes or more left', () => {
    expect(computeCountdown(due, at('2025-03-01T08:00:00.000Z'))).toMatchObject({ state: 'normal', text: '剩余 30:00' });
    expect(computeCountdown(due, at('2025-03-01T08:20:00.000Z'))).toMatchObject({ state: 'normal', text: '剩余 10:00' });
  });

  it('turns amber with less than 10 minutes left', () => {
    expect(computeCountdown(due, at('2025-03-01T08:20:01.000Z'))).toMatchObject({ state: 'warning', text: '剩余 09:59' });
    expect(computeCountdown(due, at('2025-03-01T08:30:00.000Z'))).toMatchObject({ state: 'warning', text: '剩余 00:00' });
  });

  it('turns red once past due and counts the minutes over', () => {
    expect(computeCountdown(due, at('2025-03-01T08:30:01.000Z'))).toMatchObject({ state: 'overdue', text: '已超时 1 分钟' });
    expect(computeCountdown(due, at('2025-03-01T08:42:00.000Z'))).toMatchObject({ state: 'overdue', text: '已超时 12 分钟' });
    expect(computeCountdown(due, at('2025-03-01T10:30:00.000Z'))).toMatchObject({ state: 'overdue', text: '已超时 120 分钟' });
  });

  it('shows hours when far from due', () => {
    expect(computeCountdown(due, at('2025-03-01T06:00:00.000Z')).text).toBe('剩余 2:30:00');
  });
});

describe('dispatchDueOf', () => {
  it('prefers the API value and falls back to signedAt + 30 minutes', () => {
    expect(dispatchDueOf({ dispatchDueAt: due, signedAt: '2025-03-01T00:00:00.000Z' })).toBe(due);
    expect(dispatchDueOf({ dispatchDueAt: null, signedAt: '2025-03-01T08:00:00.000Z' })).toBe(due);
    expect(dispatchDueOf({ dispatchDueAt: null, signedAt: null })).toBeNull();
  });
});
