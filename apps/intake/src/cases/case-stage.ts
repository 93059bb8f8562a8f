import type { CaseStage } from '@hotline/contracts';

/**
 * How each event moves the bureau-side stage of a case (工单阶段). Unknown events keep it.
 * `back` marks the transitions that legitimately move a case backwards (退回 → 待分转 again,
 * 局审核退回 → the department works on it again); they apply only from their `from` stages.
 */
const TRANSITIONS: Record<string, { from: CaseStage[]; to: CaseStage; back?: true }> = {
  'hotline.case.signed': { from: ['received'], to: 'signed' },
  'hotline.case.dispatched': { from: ['signed', 'dispatched', 'accepted'], to: 'dispatched' },
  'hotline.case.accepted': { from: ['dispatched'], to: 'accepted' },
  'hotline.case.returned': { from: ['dispatched', 'accepted'], to: 'signed', back: true },
  'hotline.case.replied': { from: ['dispatched', 'accepted'], to: 'replied' },
  'hotline.case.review-rejected': { from: ['replied'], to: 'accepted', back: true },
  'hotline.case.completed': { from: ['replied'], to: 'completed' },
  // 回访不满意 → 二次督办: the lead department handles the case again (callback's reopen).
  'hotline.case.reopened': { from: ['completed'], to: 'accepted', back: true },
};

const ORDER: CaseStage[] = ['received', 'signed', 'dispatched', 'accepted', 'replied', 'completed'];

/** The stage after `eventType`; never moves a case backwards when events arrive late. */
export function stageAfter(current: CaseStage, eventType: string): CaseStage {
  const t = TRANSITIONS[eventType];
  if (!t) return current;
  if (t.from.includes(current)) return t.to;
  if (t.back) return current;
  return ORDER.indexOf(t.to) > ORDER.indexOf(current) ? t.to : current;
}
