import { describe, expect, it } from 'vitest';
import {
  ANSWERED_STAGES,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  CaseStage,
  EVENT_TYPES,
  eventSummary,
  PLANNED_LIFECYCLE_EVENTS,
  STAGE_TRANSITIONS,
  stageAfter,
  stageAfterRound,
  transitionOf,
} from '../src';
import * as browser from '../src/browser';

/** Case events that record something without moving the stage. A new case event must be put here or in the table. */
const KEEPS_STAGE = [
  'hotline.case.received',
  'hotline.case.updated',
  'hotline.case.classified',
  'hotline.case.linked',
  'hotline.case.feedback-delivered',
  'hotline.case.attachment-added',
  'hotline.case.attachment-removed',
  'hotline.case.contacted',
  'hotline.case.extension-requested',
  'hotline.case.extended',
  'hotline.case.extension-refused',
  'hotline.case.deadline-changed',
  'hotline.case.assist-reported',
  'hotline.case.urged',
];

const run = (events: string[], from: CaseStage = 'received') => events.reduce<CaseStage>((s, e) => stageAfter(s, `hotline.case.${e}`), from);

describe('the case lifecycle (工单生命周期)', () => {
  it('every stage has a Chinese label, and the browser entry exports the same table', () => {
    for (const s of CASE_STAGES) expect(CASE_STAGE_LABELS[s]).toMatch(/[\u4e00-\u9fff]/);
    expect(new Set(Object.values(CASE_STAGE_LABELS)).size).toBe(CASE_STAGES.length);
    expect(browser.CASE_STAGES).toEqual(CASE_STAGES);
    expect(browser.stageAfter('received', 'hotline.case.signed')).toBe('signed');
  });

  it('classifies every case event of the catalogue: it moves the stage or is known to keep it', () => {
    const caseEvents = EVENT_TYPES.filter((t) => t.startsWith('hotline.case.'));
    for (const t of caseEvents)
      expect(transitionOf(t) !== undefined || KEEPS_STAGE.includes(t), `${t} is neither a transition nor known to keep the stage`).toBe(true);
    for (const t of KEEPS_STAGE) {
      expect(caseEvents).toContain(t);
      for (const s of CASE_STAGES) expect(stageAfter(s, t)).toBe(s);
    }
  });

  it('names only catalogued or planned events, and valid stages', () => {
    for (const t of STAGE_TRANSITIONS) {
      expect([...EVENT_TYPES, ...PLANNED_LIFECYCLE_EVENTS] as string[]).toContain(t.event);
      expect(CASE_STAGES).toContain(t.to);
      expect(t.from.length).toBeGreaterThan(0);
      for (const f of t.from) expect(CASE_STAGES).toContain(f);
      expect(t.label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(STAGE_TRANSITIONS.map((t) => t.event)).size).toBe(STAGE_TRANSITIONS.length);
  });

  it('applies each transition from each of its stages', () => {
    for (const t of STAGE_TRANSITIONS) for (const f of t.from) expect(stageAfter(f, t.event), `${t.event} from ${f}`).toBe(t.to);
  });

  it('walks the whole way: received → signed → dispatched → accepted → replied → completed → 待回访 → 已回访 → 结案', () => {
    expect(run(['signed', 'dispatched', 'accepted', 'replied', 'completed'])).toBe('completed');
    const afterCallback = ['hotline.callback.scheduled', 'hotline.callback.completed', 'hotline.case.closed'].reduce<CaseStage>(
      (s, e) => stageAfter(s, e),
      'completed',
    );
    expect(afterCallback).toBe('closed');
  });

  it('moves backwards only where the table says: 退回, 局审核退回, reopen (二次督办)', () => {
    expect(run(['signed', 'dispatched', 'returned'])).toBe('signed');
    expect(run(['signed', 'dispatched', 'accepted', 'returned'])).toBe('signed');
    expect(run(['signed', 'dispatched', 'accepted', 'replied', 'review-rejected'])).toBe('accepted');
    expect(stageAfter('calledBack', 'hotline.case.reopened')).toBe('reopened');
    expect(stageAfter('awaitingCallback', 'hotline.case.reopened')).toBe('reopened');
    // callback's 重新办理 of a completed case (intake sees no callback.* event): back to the department.
    expect(stageAfter('completed', 'hotline.case.reopened')).toBe('reopened');
    expect(run(['completed', 'reopened', 'replied', 'completed'], 'replied')).toBe('completed');
    // 二次督办: back to the department, which replies again; then 办结 and 回访 again.
    expect(run(['accepted', 'replied', 'completed'], 'reopened')).toBe('completed');
    expect(run(['replied'], 'reopened')).toBe('replied');
    // 退回 in round 2: the department returns the case it got back → 待分转, then dispatched again.
    expect(run(['returned'], 'reopened')).toBe('signed');
    expect(run(['returned', 'dispatched', 'accepted', 'replied', 'completed'], 'reopened')).toBe('completed');
    // A backward event outside its stages changes nothing.
    expect(run(['returned'], 'completed')).toBe('completed');
    expect(run(['review-rejected'], 'accepted')).toBe('accepted');
    expect(stageAfter('received', 'hotline.case.reopened')).toBe('received');
    expect(stageAfter('closed', 'hotline.case.reopened')).toBe('closed');
  });

  it('follows callback through two rounds: 待回访 → 二次督办 → 待回访 → 已回访', () => {
    const walk = (events: string[], from: CaseStage) => events.reduce<CaseStage>((s, e) => stageAfter(s, e), from);
    const round1 = walk(['hotline.callback.scheduled', 'hotline.callback.completed', 'hotline.case.reopened'], 'completed');
    expect(round1).toBe('reopened');
    const round2 = walk(['hotline.case.accepted', 'hotline.case.replied', 'hotline.case.completed', 'hotline.callback.scheduled'], round1);
    expect(round2).toBe('awaitingCallback');
    expect(stageAfter(round2, 'hotline.callback.completed')).toBe('calledBack');
    // The reopen processed before the round's callback result (two consumers): the result keeps 二次督办.
    expect(stageAfter('reopened', 'hotline.callback.completed')).toBe('reopened');
    // The task scheduled before intake saw the 办结: 待回访 stays.
    expect(walk(['hotline.callback.scheduled', 'hotline.case.completed'], 'replied')).toBe('awaitingCallback');
  });

  it("a later round's 回访 seen before that round's 答复 and 办结 (two consumers) still gives 待回访", () => {
    // Round 2: intake still at 二次督办 when callback's round-2 task shows up.
    let s = stageAfterRound('reopened', 'hotline.callback.scheduled', 2);
    expect(s).toBe('awaitingCallback');
    s = ['hotline.case.accepted', 'hotline.case.replied', 'hotline.case.completed'].reduce<CaseStage>((x, e) => stageAfterRound(x, e, undefined), s);
    expect(s).toBe('awaitingCallback');
    expect(stageAfterRound(s, 'hotline.callback.completed', 2)).toBe('calledBack');
    expect(stageAfterRound('replied', 'hotline.callback.completed', 2)).toBe('calledBack');
    // Round 1's task seen after the reopen: nothing moves.
    expect(stageAfterRound('reopened', 'hotline.callback.scheduled', 1)).toBe('reopened');
    expect(stageAfterRound('reopened', 'hotline.callback.completed', 1)).toBe('reopened');
    // Case events are the table's as ever.
    expect(stageAfterRound('reopened', 'hotline.case.returned', 2)).toBe('signed');
  });

  it('never moves backwards when a forward event arrives late', () => {
    expect(run(['signed'], 'accepted')).toBe('accepted');
    expect(run(['accepted'], 'replied')).toBe('replied');
    expect(run(['signed'], 'replied')).toBe('replied');
    expect(run(['accepted', 'replied'], 'completed')).toBe('completed');
    expect(stageAfter('closed', 'hotline.callback.completed')).toBe('closed');
    // …but a skipped step is made up: a completion seen before the reply still completes.
    expect(run(['completed'], 'accepted')).toBe('completed');
  });

  it('keeps the stage for unknown events', () => {
    expect(stageAfter('accepted', 'hotline.case.vanished')).toBe('accepted');
  });

  it('answered stages are 办结 and after, never 二次督办', () => {
    expect(ANSWERED_STAGES).toContain('completed');
    expect(ANSWERED_STAGES).not.toContain('reopened');
    expect(ANSWERED_STAGES).not.toContain('replied');
  });
});

describe('timeline summaries, written by each producer', () => {
  it('summarises a reply, a classification change, a link and an update in Chinese', () => {
    expect(eventSummary({ type: 'hotline.case.replied', data: { result: 'solved', replyDigest: '已维修' } })).toBe('已解决：已维修');
    expect(
      eventSummary({
        type: 'hotline.case.classified',
        data: {
          before: { requestType: 'complaint', topic: '物业', tier: 'general', urgency: 'normal' },
          after: { requestType: 'complaint', topic: '施工', tier: 'general', urgency: 'urgent' },
          reason: '改类',
        },
      }),
    ).toBe('物业→施工，一般→紧急：改类');
    expect(eventSummary({ type: 'hotline.case.linked', data: { kind: 'merge', masterExternalNo: 'M-1', score: 0.9 } })).toBe('并单 → M-1（相似度 0.9）');
    expect(eventSummary({ type: 'hotline.case.updated', data: { fields: ['topic', 'deadlineAt'] } })).toBe('更新字段：topic、deadlineAt');
    expect(eventSummary({ type: 'hotline.case.dispatched', data: { redispatch: true } })).toBe('重新分转');
    expect(eventSummary({ type: 'hotline.case.dispatched', data: { redispatch: false } })).toBeNull();
  });

  it('summarises callback’s 重新办理 and 回访 result by round, without personal data of its own', () => {
    expect(
      eventSummary({
        type: 'hotline.case.reopened',
        data: { externalNo: 'X', round: 2, reason: '仍未维修', trigger: 'callback', dueAt: 'x', reopenedAt: 'x' },
      }),
    ).toBe('第 2 轮（回访结果）：仍未维修');
    expect(eventSummary({ type: 'hotline.callback.completed', data: { round: 1, reached: true, resolved: false, satisfaction: 'dissatisfied' } })).toBe(
      '第 1 轮：未解决，不满意',
    );
    expect(eventSummary({ type: 'hotline.callback.completed', data: { round: 1, reached: false, resolved: null, satisfaction: null } })).toBe(
      '第 1 轮：未接通',
    );
  });

  it('has none for events whose label says it all, or unknown ones', () => {
    expect(eventSummary({ type: 'hotline.case.signed', data: { signedAt: 'x' } })).toBeNull();
    expect(eventSummary({ type: 'hotline.case.vanished', data: {} })).toBeNull();
  });
});
