// Runs a case action and reports the outcome in Chinese. A CONFLICT means someone else acted
// first: the shared conflict message is shown and the case is refetched.
import { App } from 'antd';
import { ERROR_MESSAGES, errorCode, errorMessage, graphQLErrorsOf } from '../../../shared/errors';

/** The server's `extensions.reason` (e.g. STALE_VERSION, ASSIST_OPEN). */
export function errorReason(error: unknown): string | undefined {
  for (const ge of graphQLErrorsOf(error)) {
    const reason = ge.extensions?.reason;
    if (typeof reason === 'string') return reason;
  }
  return undefined;
}

/** The `extensions.details` of the first error that has them. */
export function errorDetails(error: unknown): Record<string, unknown> | undefined {
  for (const ge of graphQLErrorsOf(error)) {
    const details = ge.extensions?.details;
    if (details && typeof details === 'object') return details as Record<string, unknown>;
  }
  return undefined;
}

/** The message for a failed case action; a stale version always shows the shared text. */
export function actionErrorMessage(error: unknown): string {
  if (errorCode(error) === 'CONFLICT' && errorReason(error) === 'STALE_VERSION') return ERROR_MESSAGES.CONFLICT;
  return errorMessage(error);
}

export function useCaseAction(onConflict?: () => void) {
  const { message } = App.useApp();
  return async (action: () => Promise<unknown>, success: string): Promise<boolean> => {
    try {
      await action();
      message.success(success);
      return true;
    } catch (e) {
      message.error(actionErrorMessage(e));
      if (errorCode(e) === 'CONFLICT') onConflict?.();
      return false;
    }
  };
}
