import { codedError } from '@hotline/service-kit';
import type { ScriptVersionStatus } from './reply-script.entity';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

/** The rules of a script version's life, as plain functions (unit-tested). */

/** A draft is approved by a supervisor; anything else is refused. */
export function assertApprovable(status: ScriptVersionStatus): void {
  if (status !== 'draft') throw codedError(SUPERVISION_ERRORS.SCRIPT_NOT_DRAFT);
}

/** Only an approved version may be published: 未经审核的口径不能发布. */
export function assertPublishable(status: ScriptVersionStatus): void {
  if (status === 'published') throw codedError(SUPERVISION_ERRORS.SCRIPT_ALREADY_PUBLISHED);
  if (status !== 'approved') throw codedError(SUPERVISION_ERRORS.SCRIPT_NOT_APPROVED);
}

/** A new version may be drafted only when no earlier one is still waiting (draft or approved, not yet published). */
export function assertRevisable(statuses: readonly ScriptVersionStatus[]): void {
  if (statuses.some((s) => s === 'draft' || s === 'approved')) throw codedError(SUPERVISION_ERRORS.SCRIPT_DRAFT_PENDING);
}
