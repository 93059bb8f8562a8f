import type { ConsumerDefinition } from '@hotline/service-kit';
import { applyCallbackResult } from './callback-results';
import type { SecondRoundDeps } from './open-round';

/** callback's results open and close 二次督办 (in order per case). */
export const callbackResultsConsumer = (deps: SecondRoundDeps): ConsumerDefinition => ({
  name: 'supervision-second-round',
  subject: 'hotline.callback.>',
  handlers: { 'hotline.callback.completed': (e, em) => applyCallbackResult(em, e, deps) },
});
