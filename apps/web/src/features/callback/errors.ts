import { graphQLErrorsOf, errorMessage } from '../../shared/errors';

/** The server's Chinese message when it has one (coded refusals carry it), else the generic text. */
export function callbackError(error: unknown): string {
  const m = graphQLErrorsOf(error)[0]?.message;
  return m && /[\u4e00-\u9fff]/.test(m) ? m : errorMessage(error);
}
