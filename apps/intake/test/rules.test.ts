import { describe, expect, it } from 'vitest';
import { classifyTier } from '../src/classification/classify';
import { stageAfter } from '../src/cases/case-stage';

describe('classifyTier (分级)', () => {
  it('makes consultations, suggestions and praise simple, the rest general, repeats difficult', () => {
    expect(classifyTier('consultation')).toBe('simple');
    expect(classifyTier('suggestion')).toBe('simple');
    expect(classifyTier('praise')).toBe('simple');
    expect(classifyTier('complaint')).toBe('general');
    expect(classifyTier('help')).toBe('general');
    expect(classifyTier('complaint', 2)).toBe('difficult');
  });
});

describe('stageAfter (工单阶段)', () => {
  it('follows the lifecycle', () => {
    expect(stageAfter('received', 'hotline.case.signed')).toBe('signed');
    expect(stageAfter('signed', 'hotline.case.dispatched')).toBe('dispatched');
    expect(stageAfter('dispatched', 'hotline.case.replied')).toBe('replied');
    expect(stageAfter('replied', 'hotline.case.completed')).toBe('completed');
  });
  it('never moves backwards when an event arrives late, and ignores unknown events', () => {
    expect(stageAfter('replied', 'hotline.case.signed')).toBe('replied');
    expect(stageAfter('replied', 'hotline.case.dispatched')).toBe('replied');
    expect(stageAfter('signed', 'hotline.case.linked')).toBe('signed');
  });
  it('lets a late event move a case forward past a missed step', () => {
    expect(stageAfter('received', 'hotline.case.dispatched')).toBe('dispatched');
    expect(stageAfter('dispatched', 'hotline.case.completed')).toBe('completed');
  });
  it('follows the department work: accept, reply, bureau review', () => {
    expect(stageAfter('dispatched', 'hotline.case.accepted')).toBe('accepted');
    expect(stageAfter('accepted', 'hotline.case.replied')).toBe('replied');
    expect(stageAfter('accepted', 'hotline.case.dispatched')).toBe('dispatched'); // re-dispatch
    expect(stageAfter('accepted', 'hotline.case.contacted')).toBe('accepted');
    expect(stageAfter('accepted', 'hotline.case.extended')).toBe('accepted');
  });
  it('moves back on 退回 (to 待分转) and on 局审核退回 (to the department), and only from the right stages', () => {
    expect(stageAfter('dispatched', 'hotline.case.returned')).toBe('signed');
    expect(stageAfter('accepted', 'hotline.case.returned')).toBe('signed');
    expect(stageAfter('replied', 'hotline.case.review-rejected')).toBe('accepted');
    expect(stageAfter('completed', 'hotline.case.returned')).toBe('completed');
    expect(stageAfter('completed', 'hotline.case.review-rejected')).toBe('completed');
    expect(stageAfter('received', 'hotline.case.returned')).toBe('received');
  });
  it('回访不满意 reopens a completed case to the department (二次督办), from 已办结 only', () => {
    expect(stageAfter('completed', 'hotline.case.reopened')).toBe('accepted');
    expect(stageAfter('replied', 'hotline.case.reopened')).toBe('replied');
    expect(stageAfter('accepted', 'hotline.case.reopened')).toBe('accepted');
  });
});
