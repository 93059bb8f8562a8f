import { z } from 'zod';
import {
  CHANNEL_LABELS,
  CHANNELS,
  FEEDBACK_CHANNELS,
  FEEDBACK_STATES,
  LINK_KIND_LABELS,
  LINK_KINDS,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  TIER_LABELS,
  TIERS,
  URGENCIES,
  URGENCY_LABELS,
} from '../enums';
import { defineEvent, EventDefinition, iso } from './shared';

/** The classification a case carries (分类): what `hotline.case.classified` compares. */
const Classification = z.object({
  requestType: z.enum(REQUEST_TYPES),
  topic: z.string().min(1),
  tier: z.enum(TIERS),
  urgency: z.enum(URGENCIES),
});

/** A classification code as a bureau employee reads it (the topic is its own name). */
function classificationLabel(field: 'requestType' | 'topic' | 'tier' | 'urgency', value: string): string {
  const table: Record<string, string> | undefined = { requestType: REQUEST_TYPE_LABELS, tier: TIER_LABELS, urgency: URGENCY_LABELS, topic: undefined }[field];
  return table?.[value] ?? value;
}

/** Events intake publishes: a work order's arrival and what the bureau knows about it. */
export const INTAKE_EVENTS = {
  /** A work order entered the bureau (工单接收). */
  'hotline.case.received': defineEvent({
    label: '工单接收',
    versions: {
      1: z.object({
        externalNo: z.string().min(1),
        channel: z.enum(CHANNELS),
        receivedAt: iso,
        requestType: z.enum(REQUEST_TYPES),
        topic: z.string().min(1),
        urgency: z.enum(URGENCIES),
        tier: z.enum(TIERS),
        title: z.string(),
        projectName: z.string().optional(),
        street: z.string().optional(),
        deadlineAt: iso.optional(),
        contentDigest: z.string().max(60),
        /** 社区 */
        community: z.string().optional(),
        /** 派单时间 at the district platform. */
        districtDispatchedAt: iso.optional(),
        /** 保密件: the citizen asked not to be disclosed to the departments. */
        confidential: z.boolean().optional(),
        /** 匿名 */
        anonymous: z.boolean().optional(),
        /** Earlier cases found at intake that look like this one (same phone / place / text). */
        repeatCount: z.number().int().min(0).optional(),
        /** Set for an imported historical order that was already completed (办结) at the district platform. */
        completedAt: iso.optional(),
        /**
         * 来电人键: a keyed, non-reversible hash of the caller's phone (HMAC-SHA-256 under intake's
         * CALLER_KEY_SECRET, hex). The same caller gives the same key, so supervision counts distinct
         * callers of a group request (群体性) without ever seeing a phone. Absent without a phone.
         */
        callerKey: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .optional(),
      }),
    },
    summary: (d) => `${CHANNEL_LABELS[d.channel]} · ${d.title}`,
  }),
  /** 签收 */
  'hotline.case.signed': { label: '签收', versions: { 1: z.object({ externalNo: z.string(), signedAt: iso }) } },
  /** A later import of the same order changed it (fields by name; values stay in intake's audit log). */
  'hotline.case.updated': defineEvent({
    label: '工单信息更新',
    versions: {
      1: z.object({
        externalNo: z.string(),
        fields: z.array(z.string()).min(1),
        source: z.enum(['import', 'manual']),
        importJobId: z.string().optional(),
        /**
         * The new values of the changed fields that other services work with — only those
         * `hotline.case.received` carries (no personal data; title and content as digests). A
         * cleared value is null.
         */
        after: z
          .object({
            requestType: z.enum(REQUEST_TYPES),
            topic: z.string().min(1),
            title: z.string(),
            contentDigest: z.string().max(60),
            projectName: z.string().nullable(),
            street: z.string().nullable(),
            community: z.string().nullable(),
            deadlineAt: iso.nullable(),
            receivedAt: iso,
          })
          .partial()
          .optional(),
      }),
    },
    summary: (d) => `更新字段：${d.fields.join('、')}`,
  }),
  /** 分类 on receipt by the rules, or corrected by an operator (before → after, with the reason). */
  'hotline.case.classified': defineEvent({
    label: '工单分类',
    versions: {
      1: z.object({
        externalNo: z.string(),
        before: Classification.nullable(),
        after: Classification,
        reason: z.string().max(200),
        automatic: z.boolean(),
        ruleIds: z.array(z.string()).optional(),
      }),
    },
    summary: (d) => {
      const changes = (['requestType', 'topic', 'tier', 'urgency'] as const)
        .filter((k) => d.before && d.before[k] !== d.after[k])
        .map((k) => `${classificationLabel(k, d.before![k])}→${classificationLabel(k, d.after[k])}`);
      return `${changes.join('，')}：${d.reason}`;
    },
  }),
  /** 重复件 / 并单: the case is tied to a master case. */
  'hotline.case.linked': defineEvent({
    label: '关联工单',
    versions: {
      1: z.object({
        externalNo: z.string(),
        masterCaseId: z.string().min(1),
        masterExternalNo: z.string(),
        kind: z.enum(LINK_KINDS),
        /** Similarity 0..1 that suggested the link (1 for a link made by hand without a suggestion). */
        score: z.number().min(0).max(1),
        reasons: z.array(z.string()),
        repeatCount: z.number().int().min(0),
      }),
    },
    summary: (d) => `${LINK_KIND_LABELS[d.kind]} → ${d.masterExternalNo}（相似度 ${d.score}）`,
  }),
  /** 办结反馈: the outcome went back to the district platform (or was exported for manual upload). */
  'hotline.case.feedback-delivered': defineEvent({
    label: '办结反馈',
    versions: {
      1: z.object({
        externalNo: z.string(),
        channel: z.enum(FEEDBACK_CHANNELS),
        state: z.enum(FEEDBACK_STATES),
        attempts: z.number().int().min(0),
        deliveredAt: iso,
        /** Other citizens' cases merged into this one that received the same reply (并单). */
        mergedExternalNos: z.array(z.string()).optional(),
      }),
    },
    summary: (d) => `${d.channel === 'export' ? '已导出待上传' : '已回传区平台'}（第 ${d.attempts} 次）`,
  }),
  /**
   * 上传附件 (attachment added): a file was uploaded to the case. Never the file name (it may
   * carry a citizen's name); the file itself is fetched from intake with a token.
   */
  'hotline.case.attachment-added': {
    label: '上传附件',
    versions: {
      1: z.object({
        externalNo: z.string(),
        attachmentId: z.string().min(1),
        /** The type intake recognised from the file's content (magic bytes), e.g. image/png. */
        contentType: z.string().min(1).max(100),
        /** Bytes. */
        size: z.number().int().min(1),
      }),
    },
  },
  /**
   * 撤回附件 (attachment removed): the bureau took back a wrongly uploaded file; it no longer
   * belongs to the case and its bytes are deleted once no other upload shares them. Only the id:
   * never the file name nor the reason (either may name the citizen).
   */
  'hotline.case.attachment-removed': {
    label: '撤回附件',
    versions: {
      1: z.object({
        externalNo: z.string(),
        /** The id `hotline.case.attachment-added` announced. */
        attachmentId: z.string().min(1),
      }),
    },
  },
} as const satisfies Record<string, EventDefinition>;
