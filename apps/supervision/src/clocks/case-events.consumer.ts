import type { ConsumerDefinition, EventHandler } from '@hotline/service-kit';
import { applyCaseEvent, ClockDeps } from './apply-case-event';
import { CASE_EVENT_TYPES } from '../definitions/definition-rules';

/**
 * The clocks are driven only by the stream: every case event (except supervision's own 催办) is
 * kept in the case's history and applied to its view and clocks, in order per case.
 */
export const caseEventsConsumer = (deps: ClockDeps): ConsumerDefinition => {
  const handle: EventHandler = (e, em) => applyCaseEvent(em, e, deps);
  return {
    name: 'supervision-clocks',
    subject: 'hotline.case.>',
    handlers: Object.fromEntries(CASE_EVENT_TYPES.map((t) => [t, handle])),
  };
};
