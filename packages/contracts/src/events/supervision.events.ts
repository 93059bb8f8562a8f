import { z } from 'zod';
import { defineEvent, EventDefinition, iso } from './shared';

/** 时钟 — the named clocks of a case (签收, 分转, 首次联系, 办理, 回访). */
export const CLOCK_KINDS = ['sign', 'dispatch', 'contact', 'handle', 'callback'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
export const CLOCK_KIND_LABELS: Record<ClockKind, string> = {
  sign: '签收时限',
  dispatch: '分转时限',
  contact: '首次联系时限',
  handle: '办理时限',
  callback: '回访时限',
};

/** 催办级别 — a step of the 催办 ladder, or a supervisor's manual 催办. */
export const URGE_LEVELS = ['reminder', 'breach', 'escalation', 'manual'] as const;
export type UrgeLevel = (typeof URGE_LEVELS)[number];
export const URGE_LEVEL_LABELS: Record<UrgeLevel, string> = { reminder: '到期前催办提醒', breach: '超期催办', escalation: '超期升级催办', manual: '人工催办' };

/** Who a 催办 goes to. */
export const URGE_RECIPIENTS = ['department', 'supervisor', 'leader'] as const;
export type UrgeRecipient = (typeof URGE_RECIPIENTS)[number];
export const URGE_RECIPIENT_LABELS: Record<UrgeRecipient, string> = { department: '承办科室', supervisor: '督办员', leader: '局领导' };

const clock = z.enum(CLOCK_KINDS);
const clockId = z.string().min(1);
const departmentId = z.string().min(1);
const claimId = z.string().min(1);
/** A code of the month's 不纳入考核 rule set, e.g. `art11-duplicate`, `malicious-repeat`. */
const exclusionType = z.string().min(1).max(64);
/** An assessment month, `YYYY-MM`. */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** Events supervision publishes: the case clocks and 催办. */
export const SUPERVISION_EVENTS = {
  /** A clock of the case started (its definition and version, the due time on the working calendar; null when the calendar is not loaded that far). */
  'hotline.clock.started': {
    label: '时钟开始',
    versions: {
      1: z.object({
        clockId,
        clock,
        definitionKey: z.string().min(1),
        definitionVersion: z.number().int().min(1),
        startedAt: iso,
        dueAt: iso.nullable(),
        measure: z.enum(['natural', 'working']),
        departmentId: departmentId.optional(),
      }),
    },
  },
  /** 暂停: paused time is excluded from the clock (its due time moves). */
  'hotline.clock.paused': {
    label: '时钟暂停',
    versions: { 1: z.object({ clockId, clock, pausedAt: iso, trigger: z.string().min(1) }) },
  },
  /** 恢复: the clock runs again with its new due time. */
  'hotline.clock.resumed': {
    label: '时钟恢复',
    versions: { 1: z.object({ clockId, clock, resumedAt: iso, dueAt: iso.nullable(), pausedMs: z.number().int().min(0) }) },
  },
  /** 停止: met (in time), late (after the due time), cancelled, or reset (a new clock of the kind follows). */
  'hotline.clock.stopped': {
    label: '时钟停止',
    versions: {
      1: z.object({
        clockId,
        clock,
        stoppedAt: iso,
        dueAt: iso.nullable(),
        outcome: z.enum(['met', 'late', 'cancelled', 'reset']),
        trigger: z.string().min(1),
      }),
    },
  },
  /** 预警: a share of the target has been used (e.g. 0.5, 0.75, 0.9). */
  'hotline.clock.warned': {
    label: '时限预警',
    versions: {
      1: z.object({ clockId, clock, dueAt: iso, elapsedShare: z.number().min(0), threshold: z.number().min(0).max(1), departmentId: departmentId.optional() }),
    },
  },
  /** 超期: the due time passed with the clock still open. */
  'hotline.clock.breached': {
    label: '时限超期',
    versions: { 1: z.object({ clockId, clock, dueAt: iso, elapsedShare: z.number().min(0), departmentId: departmentId.optional() }) },
  },
  /** 催办: a step of the ladder (automatic) or a supervisor's manual 催办 with a note (phone and ID numbers scrubbed). */
  'hotline.case.urged': defineEvent({
    label: '催办',
    versions: {
      1: z.object({
        externalNo: z.string(),
        urgeId: z.string().min(1),
        level: z.enum(URGE_LEVELS),
        recipients: z.array(z.enum(URGE_RECIPIENTS)).min(1),
        departmentId: departmentId.optional(),
        clock: clock.optional(),
        clockId: clockId.optional(),
        dueAt: iso.nullable().optional(),
        stepId: z.string().optional(),
        note: z.string().max(200).optional(),
      }),
    },
    /** Level, to whom, about which clock, and the supervisor's note (numbers already scrubbed by supervision). */
    summary: (d) => {
      const to = d.recipients.map((r) => URGE_RECIPIENT_LABELS[r]).join('、');
      const about = d.clock ? `（${CLOCK_KIND_LABELS[d.clock]}）` : '';
      return `${URGE_LEVEL_LABELS[d.level]}${about} → ${to}${d.note ? `：${d.note}` : ''}`;
    },
  }),
  /**
   * 不纳入考核 (exclusion claim) submitted for a case: the bureau asks the district to leave the case out
   * of the three-rate denominators of its assessment period. `exclusionType` is a code of the
   * month's rule set (the classes of the Beijing regulation's art. 11, malicious repeat callers…);
   * the statement and the evidence stay in supervision. The scoring outlook counts it as pending.
   */
  'hotline.exclusion.submitted': {
    label: '不纳入考核申请已提交',
    versions: { 1: z.object({ claimId, externalNo: z.string(), exclusionType, ruleSetMonth: month, submittedAt: iso }) },
  },
  /** The claim was approved: the case leaves the denominators of its period (under the scoring policy). */
  'hotline.exclusion.approved': {
    label: '不纳入考核申请已通过',
    versions: { 1: z.object({ claimId, externalNo: z.string(), exclusionType, ruleSetMonth: month, decidedAt: iso }) },
  },
  /** The claim was rejected (or withdrawn before a decision): the case counts again. */
  'hotline.exclusion.rejected': {
    label: '不纳入考核申请未通过',
    versions: { 1: z.object({ claimId, externalNo: z.string(), exclusionType, ruleSetMonth: month, decidedAt: iso, withdrawn: z.boolean() }) },
  },
} as const satisfies Record<string, EventDefinition>;
