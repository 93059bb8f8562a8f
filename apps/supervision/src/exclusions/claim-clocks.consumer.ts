import type { ConsumerDefinition, EventHandler } from '@hotline/service-kit';
import { applyCaseEvent, ClockDeps } from '../clocks/apply-case-event';
import { EXCLUSION_EVENT_TYPES } from '../definitions/definition-rules';

/**
 * A pending 不纳入考核 claim can pause a clock where its definition says so (e.g. pauseOn
 * `hotline.exclusion.submitted`, resumeOn `hotline.exclusion.rejected`): the claim's events join
 * the case's history like its own events, so the clocks still rebuild from that history alone.
 */
export const claimClocksConsumer = (deps: ClockDeps): ConsumerDefinition => {
  const handle: EventHandler = (e, em) => applyCaseEvent(em, e, deps);
  return {
    name: 'supervision-claim-clocks',
    subject: 'hotline.exclusion.>',
    handlers: Object.fromEntries(EXCLUSION_EVENT_TYPES.map((t) => [t, handle])),
  };
};
