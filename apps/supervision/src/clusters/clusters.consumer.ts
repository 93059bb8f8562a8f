import type { ConsumerDefinition } from '@hotline/service-kit';
import { detectClusters, lockMattersOf } from './detect-clusters';

/** Cluster detection from intake's `hotline.case.received` (its own durable: clocks and clusters fail and retry apart). */
export const clustersConsumer = (): ConsumerDefinition => ({
  name: 'supervision-clusters',
  subject: 'hotline.case.>',
  handlers: { 'hotline.case.received': (e, em) => detectClusters(em, e) },
  // A batch (a backlog) takes all its matters' locks first, in one order, then is detected case
  // by case in the same transaction (false: the kit runs the handlers).
  batchHandler: async (events, em) => {
    await lockMattersOf(em, events);
    return false;
  },
});
