import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../shared/types';
import { describeDeadline, filterInbox } from './inboxFilters';

const now = new Date('2025-03-10T08:00:00.000Z').getTime();
const hours = (h: number) => new Date(now + h * 3_600_000).toISOString();

function makeCase(id: string, stage: CaseSummary['stage'], status: string, deadlineInHours: number | null): CaseSummary {
  return {
    id,
    externalNo: `NO-${id}`,
    title: '标题',
    requestType: 'complaint',
    topic: '物业管理',
    urgency: 'normal',
    stage,
    receivedAt: hours(-48),
    assignment: {
      leadDepartmentId: 'd1',
      assistDepartmentIds: [],
      dispatchedAt: hours(-24),
      status,
      deadlineAt: deadlineInHours === null ? null : hours(deadlineInHours),
    },
  };
}

const cases = [
  makeCase('fresh', 'dispatched', 'dispatched', 100),
  makeCase('working', 'accepted', 'accepted', 72),
  makeCase('soon', 'accepted', 'accepted', 5),
  makeCase('late', 'dispatched', 'dispatched', -3),
  makeCase('done', 'replied', 'replied', -10),
];

const ids = (tab: Parameters<typeof filterInbox>[1]) => filterInbox(cases, tab, now).map((c) => c.id);

describe('filterInbox', () => {
  it('splits by status', () => {
    expect(ids('new')).toEqual(['fresh', 'late']);
    expect(ids('inProgress')).toEqual(['working', 'soon']);
    expect(ids('replied')).toEqual(['done']);
  });

  it('splits by deadline, ignoring replied cases', () => {
    expect(ids('dueSoon')).toEqual(['soon']);
    expect(ids('overdue')).toEqual(['late']);
  });
});

describe('describeDeadline', () => {
  it('says how long is left or how late it is', () => {
    expect(describeDeadline(now + 50 * 3_600_000, now)).toBe('剩余 2 天 2 小时');
    expect(describeDeadline(now + 45 * 60_000, now)).toBe('剩余 45 分钟');
    expect(describeDeadline(now - 5 * 3_600_000, now)).toBe('已超期 5 小时');
  });
});
