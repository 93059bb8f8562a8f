import type { ConsumerDefinition } from '@hotline/service-kit';
import { detectClusters } from './detect-clusters';

/** Cluster detection from intake's `hotline.case.received` (its own durable: clocks and clusters fail and retry apart). */
export const clustersConsumer = (): ConsumerDefinition => ({
  name: 'supervision-clusters',
  subject: 'hotline.case.>',
  handlers: { 'hotline.case.received': (e, em) => detectClusters(em, e) },
});
