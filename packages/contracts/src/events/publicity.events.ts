import { z } from 'zod';
import { EventDefinition, iso } from './shared';

/** 宣传加分事项的种类: 典型案例 typical case, 《向前一步》 episode, 12345市民热线专栏 article. */
export const PUBLICITY_KINDS = ['typical-case', 'episode', 'article'] as const;
export type PublicityKind = (typeof PUBLICITY_KINDS)[number];
export const PUBLICITY_KIND_LABELS: Record<PublicityKind, string> = { 'typical-case': '典型案例', episode: '《向前一步》', article: '12345市民热线专栏' };

/** The stages of a typical case (典型案例). */
export const TYPICAL_CASE_STAGES = ['drafting', 'reviewing', 'approved', 'submitted', 'awarded', 'rejected'] as const;
export type TypicalCaseStage = (typeof TYPICAL_CASE_STAGES)[number];
export const TYPICAL_CASE_STAGE_LABELS: Record<TypicalCaseStage, string> = {
  drafting: '撰写中',
  reviewing: '审核中',
  approved: '待报送',
  submitted: '已报送',
  awarded: '已加分',
  rejected: '未采纳',
};

const kind = z.enum(PUBLICITY_KINDS);
const itemId = z.string().min(1);
/** The work orders behind an item (ids only: partners look them up by `hotline.case.*`). */
const caseIds = z.array(z.string().min(1));
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const stage = z.enum(TYPICAL_CASE_STAGES);

/**
 * Events publicity publishes. None carries free text (titles, drafts, reasons, evidence stay in
 * publicity's tables): partners learn what moved, when, and how many points.
 */
export const PUBLICITY_EVENTS = {
  /** 典型案例提名: a supervisor nominated a case; drafting is due by `dueAt` (working calendar). */
  'hotline.publicity.nominated': {
    label: '提名典型案例',
    versions: { 1: z.object({ itemId, kind, caseIds, stage, dueAt: iso }) },
  },
  /** A typical case moved between its internal stages (撰写 → 审核 → 待报送, or back); `dueAt` is the new stage's deadline. */
  'hotline.publicity.advanced': {
    label: '典型案例阶段变更',
    versions: { 1: z.object({ itemId, kind, caseIds, from: stage, to: stage, dueAt: iso.nullable() }) },
  },
  /** 报送: the typical case went to the district for assessment. */
  'hotline.publicity.submitted': {
    label: '典型案例已报送',
    versions: { 1: z.object({ itemId, kind, caseIds, submittedAt: iso, materialCount: z.number().int().min(0) }) },
  },
  /** 加分: points entered in the month's bonus ledger (any kind); the scoring outlook sums these as bonus items. */
  'hotline.publicity.awarded': {
    label: '宣传加分',
    versions: {
      1: z.object({
        itemId,
        kind,
        caseIds,
        entryId: z.string().min(1),
        /** The assessment month the points count for, `YYYY-MM`. */
        month,
        points: z.number().positive(),
        departmentId: z.string().min(1).nullable(),
        awardedAt: iso,
      }),
    },
  },
  /** 未采纳: the typical case was refused (the reason stays in publicity). */
  'hotline.publicity.rejected': {
    label: '典型案例未采纳',
    versions: { 1: z.object({ itemId, kind, caseIds, rejectedAt: iso }) },
  },
  /** An episode's preparation or follow-up task, with its owner department and due time — for the 催办 ladder. */
  'hotline.publicity.task-assigned': {
    label: '宣传任务分派',
    versions: {
      1: z.object({ itemId, kind, taskId: z.string().min(1), phase: z.enum(['preparation', 'follow-up']), departmentId: z.string().min(1), dueAt: iso }),
    },
  },
  /** The task was done (the ladder stops reminding). */
  'hotline.publicity.task-done': {
    label: '宣传任务完成',
    versions: { 1: z.object({ itemId, kind, taskId: z.string().min(1), departmentId: z.string().min(1), doneAt: iso }) },
  },
} as const satisfies Record<string, EventDefinition>;
