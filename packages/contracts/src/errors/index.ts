import { CALLBACK_ERRORS } from './callback.errors';
import { COMMON_ERRORS } from './common.errors';
import { DISPATCH_ERRORS } from './dispatch.errors';
import type { ErrorEntry } from './define';
import { IDENTITY_ERRORS } from './identity.errors';
import { INTAKE_ERRORS } from './intake.errors';
import { PUBLICITY_ERRORS } from './publicity.errors';
import { SUPERVISION_ERRORS } from './supervision.errors';

export * from './define';
export { COMMON_ERRORS } from './common.errors';
export { IDENTITY_ERRORS } from './identity.errors';
export { DISPATCH_ERRORS } from './dispatch.errors';
export { INTAKE_ERRORS } from './intake.errors';
export { SUPERVISION_ERRORS } from './supervision.errors';
export { PUBLICITY_ERRORS } from './publicity.errors';
export { CALLBACK_ERRORS } from './callback.errors';

/** Every list by domain (the web looks a reason up here; a test checks them together). */
export const ERROR_LISTS = {
  common: COMMON_ERRORS,
  identity: IDENTITY_ERRORS,
  dispatch: DISPATCH_ERRORS,
  intake: INTAKE_ERRORS,
  supervision: SUPERVISION_ERRORS,
  publicity: PUBLICITY_ERRORS,
  callback: CALLBACK_ERRORS,
} as const satisfies Record<string, Record<string, ErrorEntry>>;

/** The Chinese message(s) of a reason, across every list (an entry per wording; empty when unknown). */
export function errorEntriesFor(reason: string): ErrorEntry[] {
  return Object.values(ERROR_LISTS).flatMap((list) => Object.values(list as Record<string, ErrorEntry>).filter((e) => e.reason === reason));
}
