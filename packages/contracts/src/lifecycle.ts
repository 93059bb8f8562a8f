/**
 * 工单生命周期 — the bureau-side lifecycle of a case, defined once: the stages with their Chinese
 * labels, and which event moves a case from which stage to which (backward moves included).
 * intake applies it to `Case.stage` (the one stage the API exposes); the timeline, Open311 and the
 * web read the labels from here. A service may keep a finer state of its own under its own name
 * (dispatch: `Handling.state`). Browser-safe: no Node imports.
 */

/** 工单阶段 */
export const CASE_STAGES = [
  'received', // 待签收
  'signed', // 待分转 (签收 done, waiting for 分转派单)
  'dispatched', // 已分转
  'accepted', // 科室已接收 (the department works on it)
  'replied', // 已答复待审核 (局审核)
  'completed', // 已办结
  'awaitingCallback', // 待回访 (callback service)
  'calledBack', // 已回访 (callback service)
  'reopened', // 二次督办 (unresolved or dissatisfied at callback: back to the department)
  'closed', // 结案
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  received: '待签收',
  signed: '待分转',
  dispatched: '已分转',
  accepted: '科室已接收',
  replied: '已答复待审核',
  completed: '已办结',
  awaitingCallback: '待回访',
  calledBack: '已回访',
  reopened: '二次督办',
  closed: '结案',
};

/** Stages at which the bureau has answered the citizen (办结 or later, and not reopened): Open311 `closed`. */
export const ANSWERED_STAGES: readonly CaseStage[] = ['completed', 'awaitingCallback', 'calledBack', 'closed'];

/**
 * Events the lifecycle names that no service publishes yet (EVENTS.md). callback publishes
 * `hotline.callback.scheduled` (a 回访 task opened → 待回访), `hotline.callback.completed` (回访
 * result → 已回访) and `hotline.case.reopened` (unresolved / dissatisfied, or a supervisor's
 * decision → 二次督办).
 */
export const PLANNED_LIFECYCLE_EVENTS = [
  'hotline.case.closed', // 结案
] as const;

export interface StageTransition {
  /** The event's subject. */
  event: string;
  /** The stages it applies from. */
  from: readonly CaseStage[];
  to: CaseStage;
  /** A legitimate backward move (退回, 局审核退回, reopen): applies only from `from`. */
  back?: true;
  /** 中文 — what the move means, for docs and tests. */
  label: string;
}

/** Event → transition. An event not listed here keeps the stage (see KEEPS_STAGE in the tests). */
export const STAGE_TRANSITIONS: readonly StageTransition[] = [
  { event: 'hotline.case.signed', from: ['received'], to: 'signed', label: '签收' },
  { event: 'hotline.case.dispatched', from: ['signed', 'dispatched', 'accepted', 'reopened'], to: 'dispatched', label: '分转 / 改派' },
  { event: 'hotline.case.accepted', from: ['dispatched', 'reopened'], to: 'accepted', label: '科室接收' },
  // In round 2 (二次督办) the lead department may also return the case it got back (退回 from 二次督办).
  { event: 'hotline.case.returned', from: ['dispatched', 'accepted', 'reopened'], to: 'signed', back: true, label: '退回：回到待分转' },
  { event: 'hotline.case.replied', from: ['dispatched', 'accepted', 'reopened'], to: 'replied', label: '科室答复' },
  { event: 'hotline.case.review-rejected', from: ['replied'], to: 'accepted', back: true, label: '局审核退回：科室重新办理' },
  { event: 'hotline.case.completed', from: ['replied'], to: 'completed', label: '办结' },
  { event: 'hotline.callback.scheduled', from: ['completed'], to: 'awaitingCallback', label: '进入待回访' },
  { event: 'hotline.callback.completed', from: ['completed', 'awaitingCallback'], to: 'calledBack', label: '回访完成' },
  // callback's 重新办理: back to the lead department as the next round (it replies again; dispatch
  // puts the case back in the department's inbox).
  {
    event: 'hotline.case.reopened',
    from: ['completed', 'awaitingCallback', 'calledBack'],
    to: 'reopened',
    back: true,
    label: '回访未解决或不满意：重新办理（二次督办）',
  },
  { event: 'hotline.case.closed', from: ['calledBack'], to: 'closed', label: '结案' },
];

const BY_EVENT = new Map(STAGE_TRANSITIONS.map((t) => [t.event, t]));

/** How far along the lifecycle a stage is: late events never move a case back past it. */
const RANK: Record<CaseStage, number> = {
  received: 0,
  signed: 1,
  dispatched: 2,
  accepted: 3,
  replied: 4,
  completed: 5,
  awaitingCallback: 6,
  calledBack: 7,
  reopened: 8,
  closed: 9,
};

/** Stages a case passes through while a later round (二次督办) is handled, before its 回访. */
const REHANDLING: readonly CaseStage[] = ['reopened', 'dispatched', 'accepted', 'replied', 'completed'];

/**
 * `stageAfter` with the event's round (callback events carry it). A 回访 event of a later round
 * (round ≥ 2) moves a case that is still being re-handled as the table does from 已办结: intake
 * reads callback's events with a consumer of their own, so the round's 待回访 may be seen before
 * the round's 答复 and 办结 (which then, as late forward events, keep it). A first-round event
 * seen late, after the reopen, changes nothing (`stageAfter`).
 */
export function stageAfterRound(current: CaseStage, eventType: string, round: number | undefined): CaseStage {
  const later = (round ?? 1) > 1 && eventType.startsWith('hotline.callback.') && REHANDLING.includes(current);
  return later ? stageAfter('completed', eventType) : stageAfter(current, eventType);
}

/** The transition an event type makes, if any. */
export function transitionOf(eventType: string): StageTransition | undefined {
  return BY_EVENT.get(eventType);
}

/**
 * The stage after `eventType`. From one of its `from` stages an event moves the case; otherwise a
 * forward event that arrives late moves it only forward (a `signed` seen after the dispatch
 * keeps `dispatched`), and a backward move outside its `from` stages changes nothing.
 */
export function stageAfter(current: CaseStage, eventType: string): CaseStage {
  const t = BY_EVENT.get(eventType);
  if (!t) return current;
  if (t.from.includes(current)) return t.to;
  if (t.back) return current;
  return RANK[t.to] > RANK[current] ? t.to : current;
}
