import { describe, expect, it } from 'vitest';
import { createCalendar, seedOverrides } from '@hotline/calendar';
import { dispatchDueAt, handlingDeadline } from '../src/deadlines/handling-limit';

const t0 = new Date('2026-11-25T09:00:00+08:00');
const at = (s: string) => new Date(s);
describe('deadlines', () => {
  it('dispatch is due 30 minutes after signature', () => {
    expect(dispatchDueAt(t0, 30).toISOString()).toBe('2026-11-25T01:30:00.000Z');
  });
  it('the handling limit follows urgency: 2 h, 24 h in natural time, 7 working days', () => {
    expect(handlingDeadline(t0, 'urgent').toISOString()).toBe('2026-11-25T03:00:00.000Z');
    expect(handlingDeadline(t0, 'timely').toISOString()).toBe('2026-11-26T01:00:00.000Z');
    // Wed 25 Nov + 7 working days (two weekends) = Fri 4 Dec, not Wed 2 Dec.
    expect(handlingDeadline(t0, 'normal')).toEqual(at('2026-12-04T09:00:00+08:00'));
  });
  it('working days follow the holidays and 调休: across National Day 2026, and 15 for a complex (疑难类) case', () => {
    const sep30 = at('2026-09-30T10:00:00+08:00');
    expect(handlingDeadline(sep30, 'normal')).toEqual(at('2026-10-15T10:00:00+08:00'));
    expect(handlingDeadline(sep30, 'normal', null, 'difficult')).toEqual(at('2026-10-27T10:00:00+08:00'));
    // An urgent complex case is still 2 hours.
    expect(handlingDeadline(sep30, 'urgent', null, 'difficult')).toEqual(at('2026-09-30T12:00:00+08:00'));
  });
  it('past the last bundled year it never gives a later deadline than natural days', () => {
    const only2026 = createCalendar({ years: [2026], overrides: seedOverrides([2026]) });
    const dec28 = at('2026-12-28T10:00:00+08:00');
    expect(handlingDeadline(dec28, 'normal', null, 'general', only2026)).toEqual(at('2027-01-04T10:00:00+08:00'));
  });
  it('an earlier upstream deadline wins, a later one does not', () => {
    const early = new Date('2026-11-26T09:00:00+08:00');
    expect(handlingDeadline(t0, 'normal', early)).toEqual(early);
    expect(handlingDeadline(t0, 'urgent', early).toISOString()).toBe('2026-11-25T03:00:00.000Z');
  });
});
