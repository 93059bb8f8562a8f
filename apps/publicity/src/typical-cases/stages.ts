import type { TypicalCaseStage } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

/** The actions on a typical case and the stage each needs and leads to. */
export const TYPICAL_CASE_ACTIONS = {
  /** 编辑稿件与材料 */
  draft: { from: ['drafting'], to: 'drafting', label: '编辑稿件' },
  /** 提交审核 */
  sendForReview: { from: ['drafting'], to: 'reviewing', label: '提交审核' },
  /** 审核通过 */
  approve: { from: ['reviewing'], to: 'approved', label: '审核通过' },
  /** 审核退回修改 */
  sendBack: { from: ['reviewing'], to: 'drafting', label: '退回修改' },
  /** 报送 */
  submit: { from: ['approved'], to: 'submitted', label: '报送' },
  /** 加分 */
  award: { from: ['submitted'], to: 'awarded', label: '登记加分' },
  /** 未采纳 */
  reject: { from: ['submitted'], to: 'rejected', label: '登记未采纳' },
} as const satisfies Record<string, { from: readonly TypicalCaseStage[]; to: TypicalCaseStage; label: string }>;
export type TypicalCaseAction = keyof typeof TYPICAL_CASE_ACTIONS;

/** The stage an action leads to; CONFLICT (WRONG_STAGE) when the case is not in a stage that allows it. */
export function nextStage(action: TypicalCaseAction, current: TypicalCaseStage): TypicalCaseStage {
  const a = TYPICAL_CASE_ACTIONS[action];
  if (!(a.from as readonly TypicalCaseStage[]).includes(current)) {
    throw codedError(PUBLICITY_ERRORS.TYPICAL_CASE_WRONG_STAGE, { action: a.label });
  }
  return a.to;
}

/** The working days a stage may take (null: no deadline of ours — waiting for the district, or closed). */
export function stageDays(stage: TypicalCaseStage, days: { draft: number; review: number; submit: number }): number | null {
  switch (stage) {
    case 'drafting':
      return days.draft;
    case 'reviewing':
      return days.review;
    case 'approved':
      return days.submit;
    default:
      return null;
  }
}

/** What a typical case needs before it is reviewed or submitted (必备材料). */
export const MIN_DRAFT_CHARS = 100;

/** Missing pieces for `sendForReview` and `submit`: empty when complete. */
export function missingMaterial(c: { draftText: string | null }, materialCount: number): string[] {
  const missing: string[] = [];
  if ((c.draftText ?? '').trim().length < MIN_DRAFT_CHARS) missing.push(`案例正文（不少于 ${MIN_DRAFT_CHARS} 字）`);
  if (materialCount < 1) missing.push('至少一份佐证材料（图片、文档或音视频）');
  return missing;
}
