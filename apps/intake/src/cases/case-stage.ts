import type { CaseStage } from '@hotline/contracts';

/** How each event moves the bureau-side stage of a case (工单阶段). Unknown events keep it. */
const TRANSITIONS: Record<string, { from: CaseStage[]; to: CaseStage }> = {
  'hotline.case.signed': { from: ['received'], to: 'signed' },
  'hotline.case.dispatched': { from: ['signed', 'dispatched', 'accepted'], to: 'dispatched' },
  'hotline.case.accepted': { from: ['dispatched'], to: 'accepted' },
  'hotline.case.replied': { from: ['dispatched', 'accepted'], to: 'replied' },
  'hotline.case.completed': { from: ['replied'], to: 'completed' },
};

const ORDER: CaseStage[] = ['received', 'signed', 'dispatched', 'accepted', 'replied', 'completed'];

/** The stage after `eventType`; never moves a case backwards when events arrive late. */
export function stageAfter(current: CaseStage, eventType: string): CaseStage {
  const t = TRANSITIONS[eventType];
  if (!t) return current;
  if (t.from.includes(current)) return t.to;
  return ORDER.indexOf(t.to) > ORDER.indexOf(current) ? t.to : current;
}
