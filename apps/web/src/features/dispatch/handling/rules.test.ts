import { describe, expect, it } from 'vitest';
import {
  openAssistNames,
  pendingReviewRejection,
  rejectedReplyText,
  replyBlockedReason,
  returnCountText,
  returnedBeforeWarning,
  returnsByDepartment,
} from './rules';

describe('提交答复 while 协办 is open', () => {
  const tasks = [
    { departmentId: 'd1', department: { name: '工程质量科' }, status: 'open' },
    { departmentId: 'd2', department: { name: '房屋交付科' }, status: 'reported' },
    { departmentId: 'd3', department: null, status: 'open' },
    { departmentId: 'd4', department: { name: '综合办公室' }, status: 'withdrawn' },
  ];

  it('names the departments that have not reported', () => {
    expect(openAssistNames(tasks)).toEqual(['工程质量科', 'd3']);
    expect(openAssistNames(tasks, (id) => (id === 'd3' ? '执法科' : id))).toEqual(['工程质量科', '执法科']);
  });

  it('blocks the reply with the reason while any is open', () => {
    expect(replyBlockedReason(tasks, () => '执法科')).toBe('协办科室尚未全部反馈（尚未反馈：工程质量科、执法科），暂不能提交答复');
  });

  it('allows the reply once every one has reported or was withdrawn', () => {
    expect(replyBlockedReason(tasks.filter((t) => t.status !== 'open'))).toBeNull();
    expect(replyBlockedReason([])).toBeNull();
    expect(replyBlockedReason(undefined)).toBeNull();
  });
});

describe('局审核退回', () => {
  const rejected = {
    id: 'r1',
    repliedAt: '2025-03-01T10:00:00Z',
    reviewStatus: 'rejected',
    reviewNote: '未说明保障措施，请补充',
    reviewedAt: '2025-03-01T11:00:00Z',
  };
  const pending = { id: 'r2', repliedAt: '2025-03-01T12:00:00Z', reviewStatus: 'pending' };

  it('is pending while the latest reply was sent back and the case is open again', () => {
    expect(pendingReviewRejection([rejected], 'accepted')).toBe(rejected);
    expect(pendingReviewRejection([rejected], 'dispatched')).toBe(rejected);
  });

  it('is over once the department replied again or the case moved on', () => {
    expect(pendingReviewRejection([pending, rejected], 'replied')).toBeNull();
    expect(pendingReviewRejection([rejected, pending], 'accepted')).toBeNull();
    expect(pendingReviewRejection([rejected], 'completed')).toBeNull();
    expect(pendingReviewRejection([], 'accepted')).toBeNull();
    expect(pendingReviewRejection(undefined, 'accepted')).toBeNull();
  });

  it('marks a rejected reply with its reason', () => {
    expect(rejectedReplyText(rejected)).toBe('已退回：未说明保障措施，请补充');
    expect(rejectedReplyText({ ...rejected, reviewNote: null })).toBe('已退回：未填写退回理由');
    expect(rejectedReplyText(pending)).toBeNull();
    expect(rejectedReplyText({ ...pending, reviewStatus: 'approved' })).toBeNull();
  });
});

describe('分转 to a department that returned the case', () => {
  const history = [
    { kind: 'dispatch', fromDepartmentId: null, at: '2025-03-01T01:00:00Z' },
    { kind: 'return', fromDepartmentId: 'prop', reasonCode: 'not-our-duty', reason: '应由商品房销售科办理', at: '2025-03-01T02:00:00Z' },
    { kind: 'dispatch', fromDepartmentId: null, at: '2025-03-01T03:00:00Z' },
    { kind: 'redispatch', fromDepartmentId: 'prop', reason: '改派', at: '2025-03-01T03:30:00Z' },
    { kind: 'return', fromDepartmentId: 'sales', reasonCode: 'wrong-department', reason: '属物业', at: '2025-03-01T04:00:00Z' },
  ];

  it('finds the returns of one department only', () => {
    expect(returnsByDepartment(history, 'prop').map((r) => r.at)).toEqual(['2025-03-01T02:00:00Z']);
    expect(returnsByDepartment(history, 'other')).toEqual([]);
    expect(returnsByDepartment(history, undefined)).toEqual([]);
    expect(returnsByDepartment(undefined, 'prop')).toEqual([]);
  });

  it('warns with when and why (in Chinese, Beijing time)', () => {
    expect(returnedBeforeWarning('物业管理科', returnsByDepartment(history, 'prop'))).toBe(
      '「物业管理科」已于 2025-03-01 10:00 退回此工单（不属于本科室职责：应由商品房销售科办理），请确认仍分转给该科室。',
    );
  });

  it('counts repeated returns and names the case in a batch', () => {
    const twice = [
      { kind: 'return', fromDepartmentId: 'prop', reasonCode: 'duplicate', at: '2025-03-02T02:00:00Z' },
      { kind: 'return', fromDepartmentId: 'prop', reasonCode: 'weird-code', reason: '见附件', at: '2025-03-01T02:00:00Z' },
    ];
    expect(returnedBeforeWarning('物业管理科', returnsByDepartment(twice, 'prop'), 'DEMO-2026-0011')).toBe(
      '工单 DEMO-2026-0011：「物业管理科」已退回过 2 次，最近一次于 2025-03-02 10:00 退回此工单（重复工单），请确认仍分转给该科室。',
    );
  });

  it('says nothing for a department that never returned it', () => {
    expect(returnedBeforeWarning('工程质量科', [])).toBeNull();
  });

  it('tags returned cases in 待分转', () => {
    expect(returnCountText(2)).toBe('已退回 2 次');
    expect(returnCountText(0)).toBeNull();
    expect(returnCountText(undefined)).toBeNull();
  });
});
