import { z } from 'zod';
import { CALLBACK_OUTCOME_LABELS, CALLBACK_OUTCOMES, SATISFACTION_LABELS, SATISFACTION_LEVELS } from '../enums';
import { defineEvent, EventDefinition, iso } from './shared';

const departmentId = z.string().min(1);
const round = z.number().int().min(1);

/** `YYYY-MM-DD HH:mm`, Beijing time (UTC+8 all year), for a timeline line. */
const beijingDateTime = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * Events callback publishes: 回访 attempts and results. An unresolved or dissatisfied result asks
 * for another round (`reopen` on `hotline.callback.completed`); supervision opens it (二次督办,
 * second-round.events.ts). None carries the citizen's phone: callback asks intake for it, audited.
 */
export const CALLBACK_EVENTS = {
  /** 进入待回访: a 回访 task was opened for the round after 办结, due by `dueAt` (working calendar). */
  'hotline.callback.scheduled': defineEvent({
    label: '进入待回访',
    versions: {
      1: z.object({
        externalNo: z.string(),
        taskId: z.string().min(1),
        round,
        departmentId: departmentId.optional(),
        dueAt: iso,
        scheduledAt: iso,
      }),
    },
    summary: (d) => `第 ${d.round} 轮回访，时限 ${beijingDateTime(d.dueAt)}`,
  }),
  /** 回访呼叫: one call attempt and its outcome; `nextAttemptAt` when another try is scheduled. */
  'hotline.callback.attempted': defineEvent({
    label: '回访呼叫',
    versions: {
      1: z.object({
        externalNo: z.string(),
        taskId: z.string().min(1),
        round,
        attempt: z.number().int().min(1),
        outcome: z.enum(CALLBACK_OUTCOMES),
        attemptedAt: iso,
        nextAttemptAt: iso.optional(),
        /** The tries are used up or the number is wrong: the task ends as 未接通. */
        unreachable: z.boolean(),
      }),
    },
    summary: (d) => `第 ${d.round} 轮第 ${d.attempt} 次呼叫：${CALLBACK_OUTCOME_LABELS[d.outcome]}${d.unreachable ? '，回访未接通' : ''}`,
  }),
  /** 回访结果: the round's one result. `reached: false` = 未接通 (no resolution or satisfaction). */
  'hotline.callback.completed': defineEvent({
    label: '回访完成',
    versions: {
      1: z.object({
        externalNo: z.string(),
        taskId: z.string().min(1),
        round,
        departmentId: departmentId.optional(),
        reached: z.boolean(),
        resolved: z.boolean().nullable(),
        satisfaction: z.enum(SATISFACTION_LEVELS).nullable(),
        completedAt: iso,
        /**
         * Present when the answer sends the case round again (unresolved or dissatisfied, rounds left):
         * the agent's 重办说明, its personal numbers already scrubbed by callback. supervision opens
         * the next round from it (`hotline.case.reopened`, `hotline.supervision.opened`).
         */
        reopen: z.object({ reason: z.string().min(1).max(200) }).optional(),
      }),
    },
    summary: (d) => {
      if (!d.reached) return `第 ${d.round} 轮：未接通`;
      const parts = [d.resolved === null ? null : d.resolved ? '已解决' : '未解决', d.satisfaction ? SATISFACTION_LABELS[d.satisfaction] : null].filter(
        Boolean,
      );
      return `第 ${d.round} 轮：${parts.join('，') || '已接通'}`;
    },
  }),
} as const satisfies Record<string, EventDefinition>;
