import { describe, expect, it } from 'vitest';
import { applyClassification, ClassifiedCase } from '../src/cases/classification';

const t0 = new Date('2026-11-25T09:00:00+08:00');
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);
/** 7 working days from Wed 25 Nov 09:00 (two weekends): Fri 4 Dec 09:00. */
const sevenWorkingDays = new Date('2026-12-04T09:00:00+08:00');
const normal = (over: Partial<ClassifiedCase> = {}): ClassifiedCase => ({
  requestType: 'complaint', topic: '物业', urgency: 'normal', stage: 'dispatched', dispatchedAt: t0, upstreamDeadlineAt: null, handleDeadlineAt: sevenWorkingDays, ...over,
});

describe('a reclassification at intake (hotline.case.classified) in dispatch', () => {
  it('follows type, topic and urgency on a case not yet dispatched, with no deadline to move', () => {
    const c = normal({ stage: 'signed', dispatchedAt: null, handleDeadlineAt: null });
    expect(applyClassification(c, { requestType: 'help', topic: '供暖', urgency: 'urgent' }, false)).toBeNull();
    expect(c).toMatchObject({ requestType: 'help', topic: '供暖', urgency: 'urgent', handleDeadlineAt: null });
  });
  it('recomputes a held case\'s deadline from its dispatch time with the new urgency', () => {
    for (const stage of ['dispatched', 'accepted', 'replied'] as const) {
      const c = normal({ stage });
      expect(applyClassification(c, { requestType: 'complaint', topic: '物业', urgency: 'urgent' }, false)).toEqual(hours(2));
      expect(c.handleDeadlineAt).toEqual(hours(2));
    }
    const timely = normal();
    applyClassification(timely, { requestType: 'complaint', topic: '物业', urgency: 'timely' }, false);
    expect(timely.handleDeadlineAt).toEqual(hours(24));
  });
  it('lengthens it too when the urgency goes down, but an earlier upstream deadline still wins', () => {
    const c = normal({ urgency: 'urgent', handleDeadlineAt: hours(2), upstreamDeadlineAt: hours(30) });
    expect(applyClassification(c, { requestType: 'complaint', topic: '物业', urgency: 'normal' }, false)).toEqual(hours(30));
  });
  it('leaves the deadline alone after a granted extension, on a completed case, or when nothing changes', () => {
    const extended = normal({ handleDeadlineAt: hours(10 * 24) });
    expect(applyClassification(extended, { requestType: 'complaint', topic: '物业', urgency: 'urgent' }, true)).toBeNull();
    expect(extended.handleDeadlineAt).toEqual(hours(10 * 24));
    expect(extended.urgency).toBe('urgent');
    const done = normal({ stage: 'completed' });
    expect(applyClassification(done, { requestType: 'complaint', topic: '物业', urgency: 'urgent' }, false)).toBeNull();
    expect(done.handleDeadlineAt).toEqual(sevenWorkingDays);
    const same = normal();
    expect(applyClassification(same, { requestType: 'suggestion', topic: '物业', urgency: 'normal' }, false)).toBeNull();
    expect(same.requestType).toBe('suggestion');
  });
});
