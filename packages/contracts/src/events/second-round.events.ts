import { z } from 'zod';
import { SUPERVISION_OUTCOME_LABELS, SUPERVISION_OUTCOMES } from '../enums';
import { defineEvent, EventDefinition, iso } from './shared';

const departmentId = z.string().min(1);
const round = z.number().int().min(1);

/**
 * 二次督办 (second supervision), published by supervision: a completed case sent round again —
 * from a callback answer (`reopen` on `hotline.callback.completed`) or by a supervisor's hand — and
 * the tracked round opened and closed. The reason's personal numbers are scrubbed before it leaves.
 */
export const SECOND_ROUND_EVENTS = {
  /** 重新办理: unresolved or dissatisfied at callback (or a supervisor's decision) → the lead department again, as `round`. */
  'hotline.case.reopened': defineEvent({
    label: '回访不满意，重新办理',
    versions: {
      1: z.object({
        externalNo: z.string(),
        round,
        departmentId: departmentId.optional(),
        reason: z.string().min(1).max(200),
        trigger: z.enum(['callback', 'supervisor']),
        /** The round's deadline on the working calendar (the 二次督办's). */
        dueAt: iso,
        reopenedAt: iso,
      }),
    },
    /** Round, who reopened it and why (the reason's numbers already scrubbed). */
    summary: (d) => `第 ${d.round} 轮（${d.trigger === 'supervisor' ? '督办人员决定' : '回访结果'}）：${d.reason}`,
  }),
  /** 二次督办 opened for a round, with its deadline. */
  'hotline.supervision.opened': defineEvent({
    label: '二次督办',
    versions: {
      1: z.object({ externalNo: z.string(), supervisionId: z.string().min(1), round, departmentId: departmentId.optional(), dueAt: iso, openedAt: iso }),
    },
    summary: (d) => `第 ${d.round} 轮`,
  }),
  /** 二次督办 closed with the outcome of the round's callback. */
  'hotline.supervision.closed': defineEvent({
    label: '二次督办结束',
    versions: { 1: z.object({ externalNo: z.string(), supervisionId: z.string().min(1), round, outcome: z.enum(SUPERVISION_OUTCOMES), closedAt: iso }) },
    summary: (d) => `第 ${d.round} 轮：${SUPERVISION_OUTCOME_LABELS[d.outcome]}`,
  }),
} as const satisfies Record<string, EventDefinition>;
