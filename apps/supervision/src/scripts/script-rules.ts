import { badInput } from '@hotline/service-kit';
import type { ScriptVersionStatus } from './reply-script.entity';

/** The rules of a script version's life, as plain functions (unit-tested). */

/** A draft is approved by a supervisor; anything else is refused. */
export function assertApprovable(status: ScriptVersionStatus): void {
  if (status !== 'draft') throw badInput('SCRIPT_NOT_DRAFT', '只有草稿状态的口径可以审核');
}

/** Only an approved version may be published: 未经审核的口径不能发布. */
export function assertPublishable(status: ScriptVersionStatus): void {
  if (status === 'published') throw badInput('SCRIPT_ALREADY_PUBLISHED', '该版本已发布');
  if (status !== 'approved') throw badInput('SCRIPT_NOT_APPROVED', '口径未经督办员审核通过，不能发布');
}

/** A new version may be drafted only when no earlier one is still waiting (draft or approved, not yet published). */
export function assertRevisable(statuses: readonly ScriptVersionStatus[]): void {
  if (statuses.some((s) => s === 'draft' || s === 'approved')) throw badInput('SCRIPT_DRAFT_PENDING', '该口径已有未发布的新版本，请先审核并发布该版本');
}
