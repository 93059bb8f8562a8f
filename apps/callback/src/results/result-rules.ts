import type { Satisfaction, SupervisionOutcome } from '@hotline/contracts';

/** The citizen's answer makes the case go round again: unresolved or dissatisfied. */
export function needsAnotherRound(a: { reached: boolean; resolved: boolean | null; satisfaction: Satisfaction | null }): boolean {
  return a.reached && (a.resolved === false || a.satisfaction === 'dissatisfied');
}

/** How a 二次督办 ends, from the answer of its round's callback. */
export function supervisionOutcome(a: { reached: boolean; resolved: boolean | null; satisfaction: Satisfaction | null }): SupervisionOutcome {
  if (!a.reached || (a.resolved == null && a.satisfaction == null)) return 'unreachable';
  return needsAnotherRound(a) ? 'unresolved' : 'resolved';
}
