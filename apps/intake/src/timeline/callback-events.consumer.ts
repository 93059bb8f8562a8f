import { EVENT_TYPES } from '@hotline/contracts';
import type { ConsumerDefinition } from '@hotline/service-kit';
import { onCaseEvent, onCaseEvents } from './case-events.consumer';

/** The handlers of every catalogued event under `prefix` (the timeline's, which also move the stage). */
const handlersFor = (prefix: string) => Object.fromEntries(EVENT_TYPES.filter((t) => t.startsWith(prefix)).map((t) => [t, onCaseEvent]));

/**
 * 回访 (callback) events move the stage too — 待回访 on `hotline.callback.scheduled`, 已回访 on
 * `hotline.callback.completed` (packages/contracts lifecycle) — and land on the timeline with the
 * attempts. A consumer of its own: nats-server 2.9 takes one subject filter per consumer. Arriving
 * beside `hotline.case.>`, out of order with it at worst, is what `stageAfter` is made for (a late
 * forward event never moves a case back).
 */
export const callbackEventsConsumer = (): ConsumerDefinition => ({
  name: 'intake-callback-timeline',
  subject: 'hotline.callback.>',
  handlers: handlersFor('hotline.callback.'),
  batchHandler: onCaseEvents,
});

/** 二次督办 opened and closed: timeline lines of the case (the stage moves on `hotline.case.reopened`). */
export const supervisionEventsConsumer = (): ConsumerDefinition => ({
  name: 'intake-supervision-timeline',
  subject: 'hotline.supervision.>',
  handlers: handlersFor('hotline.supervision.'),
  batchHandler: onCaseEvents,
});
