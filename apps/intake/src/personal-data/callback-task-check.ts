import { isUuid, ServiceCallError, ServiceClient } from '@hotline/service-kit';
import type { Logger } from '@hotline/service-kit';

/** Does this 回访员 hold the open callback task of this case? (callback owns the tasks.) */
export type CallbackTaskCheck = (caseId: string, userId: string) => Promise<boolean>;

const QUERY = `query Holds($caseId: ID!, $userId: ID!) { holdsOpenCallbackTask(caseId: $caseId, userId: $userId) }`;

/**
 * Asks callback directly with intake's service token (scope `callback.task:read`). When callback
 * cannot answer, the answer is no: a phone number is never shown on a guess.
 */
export function callbackTaskCheck(services: ServiceClient, callbackGraphqlUrl: string, log: Logger): CallbackTaskCheck {
  return async (caseId, userId) => {
    if (!isUuid(caseId) || !isUuid(userId)) return false;
    try {
      const data = await services.query<{ holdsOpenCallbackTask: boolean }>(callbackGraphqlUrl, QUERY, { caseId, userId });
      return data.holdsOpenCallbackTask === true;
    } catch (e) {
      log.warn({ reason: e instanceof ServiceCallError ? e.reason : 'ERROR', err: (e as Error).message }, 'callback task check failed: reveal refused');
      return false;
    }
  };
}
