import type { Satisfaction, SupervisionOutcome } from './enums';

/** What the citizen said at a 回访 (callback): reached or not, resolved or not, how satisfied. */
export interface CallbackAnswer {
  reached: boolean;
  resolved: boolean | null;
  satisfaction: Satisfaction | null;
}

/** The citizen's answer makes the case go round again (重新办理): unresolved or dissatisfied. */
export function needsAnotherRound(a: CallbackAnswer): boolean {
  return a.reached && (a.resolved === false || a.satisfaction === 'dissatisfied');
}

/** How a 二次督办 (second supervision) ends, from the answer of its round's callback. */
export function supervisionOutcome(a: CallbackAnswer): SupervisionOutcome {
  if (!a.reached || (a.resolved == null && a.satisfaction == null)) return 'unreachable';
  return needsAnotherRound(a) ? 'unresolved' : 'resolved';
}
