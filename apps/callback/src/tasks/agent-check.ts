import { isUuid, ServiceCallError } from '@hotline/service-kit';
import type { Logger, ServiceClient } from '@hotline/service-kit';

/**
 * Is this user an active 回访员? identity owns the users: callback asks, it keeps no copy.
 * `unavailable` when identity could not answer (unreachable, token refused, an error).
 */
export type CallbackAgentCheck = (userId: string) => Promise<'agent' | 'not-agent' | 'unavailable'>;

const QUERY = 'query Agent($userId: ID!) { isActiveCallbackAgent(userId: $userId) }';

/** Asks identity's internal `isActiveCallbackAgent` directly, with callback's service token (scope `identity.callback-agent:read`). */
export function identityAgentCheck(services: ServiceClient, identityGraphqlUrl: string, log: Logger): CallbackAgentCheck {
  return async (userId) => {
    if (!isUuid(userId)) return 'not-agent';
    try {
      const data = await services.query<{ isActiveCallbackAgent: boolean }>(identityGraphqlUrl, QUERY, { userId });
      return data.isActiveCallbackAgent === true ? 'agent' : 'not-agent';
    } catch (e) {
      log.warn({ reason: e instanceof ServiceCallError ? e.reason : 'ERROR', err: (e as Error).message }, 'callback agent check failed: assignment refused');
      return 'unavailable';
    }
  };
}
