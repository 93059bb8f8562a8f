import { CALLBACK_ERRORS } from './callback.errors';
import { COMMON_ERRORS } from './common.errors';
import { DISPATCH_ERRORS } from './dispatch.errors';
import type { ErrorEntry } from './define';
import { IDENTITY_ERRORS } from './identity.errors';

export * from './define';
export { COMMON_ERRORS } from './common.errors';
export { IDENTITY_ERRORS } from './identity.errors';
export { DISPATCH_ERRORS } from './dispatch.errors';
export { CALLBACK_ERRORS } from './callback.errors';

/** Every list by domain (the web looks a reason up here; a test checks them together). */
export const ERROR_LISTS = { common: COMMON_ERRORS, identity: IDENTITY_ERRORS, dispatch: DISPATCH_ERRORS, callback: CALLBACK_ERRORS } as const satisfies Record<
  string,
  Record<string, ErrorEntry>
>;

/** The Chinese message(s) of a reason, across every list (an entry per wording; empty when unknown). */
export function errorEntriesFor(reason: string): ErrorEntry[] {
  return Object.values(ERROR_LISTS).flatMap((list) => Object.values(list as Record<string, ErrorEntry>).filter((e) => e.reason === reason));
}
