import { describe, expect, it } from 'vitest';
import { dispatchDueAt, handlingDeadline } from '../src/deadlines/handling-limit';

const t0 = new Date('2026-11-25T09:00:00+08:00');
describe('deadlines', () => {
  it('dispatch is due 30 minutes after signature', () => {
    expect(dispatchDueAt(t0, 30).toISOString()).toBe('2026-11-25T01:30:00.000Z');
  });
  it('the handling limit follows urgency: 2 h, 24 h, 7 days', () => {
    expect(handlingDeadline(t0, 'urgent').toISOString()).toBe('2026-11-25T03:00:00.000Z');
    expect(handlingDeadline(t0, 'timely').toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(handlingDeadline(t0, 'normal').toISOString()).toBe('2026-12-02T01:00:00.000Z');
  });
  it('an earlier upstream deadline wins, a later one does not', () => {
    const early = new Date('2026-11-26T09:00:00+08:00');
    expect(handlingDeadline(t0, 'normal', early)).toEqual(early);
    expect(handlingDeadline(t0, 'urgent', early).toISOString()).toBe('2026-11-25T03:00:00.000Z');
  });
});
