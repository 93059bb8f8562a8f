import { describe, expect, it } from 'vitest';
import { applyClassification, applyIntakeUpdate, ClassifiedCase, UpdatedCase } from '../src/cases/classification';

const t0 = new Date('2026-11-25T09:00:00+08:00');
const hours = (h: number) => new Date(t0.getTime() + h * 3_600_000);
/** 7 working days from Wed 25 Nov 09:00 (two weekends): Fri 4 Dec 09:00. */
const sevenWorkingDays = new Date('2026-12-04T09:00:00+08:00');
const normal = (over: Partial<ClassifiedCase> = {}): ClassifiedCase => ({
  requestType: 'complaint',
  topic: '物业',
  urgency: 'normal',
  stage: 'dispatched',
  dispatchedAt: t0,
  upstreamDeadlineAt: null,
  handleDeadlineAt: sevenWorkingDays,
  ...over,
});

describe('a reclassification at intake (hotline.case.classified) in dispatch', () => {
  it('follows type, topic and urgency on a case not yet dispatched, with no deadline to move', () => {
    const c = normal({ stage: 'signed', dispatchedAt: null, handleDeadlineAt: null });
    expect(applyClassification(c, { requestType: 'help', topic: '供暖', urgency: 'urgent' }, false)).toBeNull();
    expect(c).toMatchObject({ requestType: 'help', topic: '供暖', urgency: 'urgent', handleDeadlineAt: null });
  });
  it("recomputes a held case's deadline from its dispatch time with the new urgency", () => {
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

describe('a re-import at intake (hotline.case.updated) in dispatch', () => {
  const held = (over: Partial<UpdatedCase> = {}): UpdatedCase => ({
    ...normal(),
    title: '旧标题',
    contentDigest: '旧内容',
    projectName: '林肯公园',
    street: '荣华街道',
    receivedAt: hours(-1),
    ...over,
  });
  it('takes the new topic, text digests and place, and moves no deadline when the upstream one did not change', () => {
    const c = held();
    expect(applyIntakeUpdate(c, { topic: '施工', title: '新标题', contentDigest: '新内容', projectName: null, street: '博兴街道' }, false)).toBeNull();
    expect(c).toMatchObject({
      topic: '施工',
      title: '新标题',
      contentDigest: '新内容',
      projectName: null,
      street: '博兴街道',
      handleDeadlineAt: sevenWorkingDays,
    });
  });
  it("an earlier upstream deadline shortens a held case's deadline; a cleared one restores the urgency's", () => {
    const c = held();
    expect(applyIntakeUpdate(c, { deadlineAt: hours(30).toISOString() }, false)).toEqual(hours(30));
    expect(c.upstreamDeadlineAt).toEqual(hours(30));
    expect(applyIntakeUpdate(c, { deadlineAt: null }, false)).toEqual(sevenWorkingDays);
    expect(c.upstreamDeadlineAt).toBeNull();
  });
  it('keeps an approved extension, and a completed or not yet dispatched case only records the upstream deadline', () => {
    const extended = held({ handleDeadlineAt: hours(10 * 24) });
    expect(applyIntakeUpdate(extended, { deadlineAt: hours(30).toISOString() }, true)).toBeNull();
    expect(extended.handleDeadlineAt).toEqual(hours(10 * 24));
    const waiting = held({ stage: 'signed', dispatchedAt: null, handleDeadlineAt: null });
    expect(applyIntakeUpdate(waiting, { deadlineAt: hours(30).toISOString() }, false)).toBeNull();
    expect(waiting.upstreamDeadlineAt).toEqual(hours(30));
    const done = held({ stage: 'completed' });
    expect(applyIntakeUpdate(done, { deadlineAt: hours(30).toISOString() }, false)).toBeNull();
    expect(done.handleDeadlineAt).toEqual(sevenWorkingDays);
  });
});
