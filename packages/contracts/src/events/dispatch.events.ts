import { z } from 'zod';
import { CONTACT_CHANNELS, REPLY_RESULT_LABELS, REPLY_RESULTS, RETURN_REASONS, URGENCIES, URGENCY_LABELS } from '../enums';
import { defineEvent, EventDefinition, iso } from './shared';

const departmentId = z.string().min(1);

/** Events dispatch publishes: routing to departments and the departments' work. */
export const DISPATCH_EVENTS = {
  /** 分转派单 to a lead department and optional assisting ones; `redispatch` when it was routed before. */
  'hotline.case.dispatched': defineEvent({
    label: '分转派单',
    versions: {
      1: z.object({
        externalNo: z.string(),
        leadDepartmentId: departmentId,
        assistDepartmentIds: z.array(departmentId),
        dispatchedAt: iso,
        handleDeadlineAt: iso.optional(),
        /** What the dispatch screen suggested; `followed` when the lead matches it. */
        suggestion: z
          .object({
            source: z.enum(['rule', 'model', 'none']),
            confidence: z.number().min(0).max(1),
            ruleId: z.string().optional(),
            followed: z.boolean().optional(),
          })
          .optional(),
        redispatch: z.boolean(),
        /** On a re-dispatch: the department that held the case and for how long. */
        fromDepartmentId: departmentId.optional(),
        heldMinutes: z.number().int().min(0).optional(),
        note: z.string().max(200).optional(),
      }),
    },
    summary: (d) => d.note ?? (d.redispatch ? '重新分转' : null),
  }),
  /** 科室接收: the lead department took the case. */
  'hotline.case.accepted': {
    label: '科室接收',
    versions: { 1: z.object({ externalNo: z.string(), departmentId, acceptedAt: iso }) },
  },
  /** 退回: a misrouted case goes back to the duty queue (待分转), with a coded reason and its basis. */
  'hotline.case.returned': {
    label: '科室退回',
    versions: {
      1: z.object({
        externalNo: z.string(),
        departmentId,
        reasonCode: z.enum(RETURN_REASONS),
        basis: z.string().max(200),
        heldMinutes: z.number().int().min(0),
        returnedAt: iso,
      }),
    },
  },
  /** 首次联系 the citizen. */
  'hotline.case.contacted': {
    label: '首次联系市民',
    versions: { 1: z.object({ externalNo: z.string(), departmentId, contactedAt: iso, channel: z.enum(CONTACT_CHANNELS) }) },
  },
  /** 申请延期, before the deadline, with a reason. */
  'hotline.case.extension-requested': {
    label: '申请延期',
    versions: {
      1: z.object({
        externalNo: z.string(),
        departmentId,
        extensionId: z.string().min(1),
        reason: z.string().max(200),
        requestedUntil: iso,
        currentDeadlineAt: iso,
      }),
    },
  },
  /** 延期获批: a supervisor approved; the new deadline holds. */
  'hotline.case.extended': {
    label: '延期已批准',
    versions: {
      1: z.object({
        externalNo: z.string(),
        departmentId,
        extensionId: z.string().min(1),
        reason: z.string().max(200),
        previousDeadlineAt: iso,
        newDeadlineAt: iso,
      }),
    },
  },
  /**
   * 办理时限调整: the handling deadline of a held case changed for a reason other than an extension
   * (intake reclassified its urgency, `reason: reclassified`; a re-import changed the district
   * platform's deadline, `reason: upstream-deadline`).
   */
  'hotline.case.deadline-changed': defineEvent({
    label: '办理时限调整',
    versions: {
      1: z.object({
        externalNo: z.string(),
        departmentId,
        reason: z.enum(['reclassified', 'upstream-deadline']),
        urgency: z.enum(URGENCIES),
        previousDeadlineAt: iso.nullable(),
        newDeadlineAt: iso,
      }),
    },
    summary: (d) =>
      d.reason === 'upstream-deadline'
        ? '区级平台办理时限变更，办理时限重新计算'
        : `紧急程度调整为「${URGENCY_LABELS[d.urgency]}」，办理时限按派单时间重新计算`,
  }),
  /** 延期未批准 */
  'hotline.case.extension-refused': {
    label: '延期未批准',
    versions: { 1: z.object({ externalNo: z.string(), departmentId, extensionId: z.string().min(1), reason: z.string().max(200), requestedUntil: iso }) },
  },
  /** 协办反馈: an assisting department reports its part to the lead (首接负责). */
  'hotline.case.assist-reported': {
    label: '协办科室反馈',
    versions: { 1: z.object({ externalNo: z.string(), departmentId, leadDepartmentId: departmentId, reportedAt: iso, reportDigest: z.string().max(60) }) },
  },
  /** 答复 from a department. */
  'hotline.case.replied': defineEvent({
    label: '科室答复',
    versions: {
      1: z.object({
        externalNo: z.string(),
        departmentId,
        result: z.enum(REPLY_RESULTS),
        repliedAt: iso,
        replyDigest: z.string().max(60),
        scriptId: z.string().optional(),
        /** The published version of the 统一答复口径 the reply followed (with scriptId; supervision counts its use). */
        scriptVersion: z.number().int().min(1).optional(),
      }),
    },
    summary: (d) => `${REPLY_RESULT_LABELS[d.result]}：${d.replyDigest}`,
  }),
  /** 局审核退回: the bureau sent the reply back to the lead department. */
  'hotline.case.review-rejected': {
    label: '局审核退回',
    versions: { 1: z.object({ externalNo: z.string(), departmentId, reason: z.string().max(200), rejectedAt: iso }) },
  },
  /** 办结: the bureau approved the reply; drives the feedback to the district platform and the callback. */
  'hotline.case.completed': {
    label: '办结',
    versions: {
      1: z.object({
        externalNo: z.string(),
        departmentId,
        completedAt: iso,
        result: z.enum(REPLY_RESULTS),
        replyDigest: z.string().max(60),
        scriptId: z.string().optional(),
      }),
    },
  },
} as const satisfies Record<string, EventDefinition>;
