import { z } from 'zod';
import { CHANNELS, REPLY_RESULTS, REQUEST_TYPES, TIERS, URGENCIES } from './enums';

const iso = z.iso.datetime({ offset: true });

/**
 * The event catalogue: subject → version → payload schema. A version, once published, keeps its
 * fields and their meaning; a new field is optional, a changed meaning is a new version.
 */
export const EVENT_SCHEMAS = {
  /** A work order entered the bureau (工单接收). */
  'hotline.case.received': {
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
    }),
  },
  /** 签收 */
  'hotline.case.signed': { 1: z.object({ externalNo: z.string(), signedAt: iso }) },
  /** 分转派单 to a lead department and optional assisting ones. */
  'hotline.case.dispatched': {
    1: z.object({
      externalNo: z.string(),
      leadDepartmentId: z.string().min(1),
      assistDepartmentIds: z.array(z.string().min(1)),
      dispatchedAt: iso,
      handleDeadlineAt: iso.optional(),
      suggestion: z.object({ source: z.enum(['rule', 'model', 'none']), confidence: z.number().min(0).max(1) }).optional(),
      redispatch: z.boolean(),
      note: z.string().max(200).optional(),
    }),
  },
  /** 答复 from a department. */
  'hotline.case.replied': {
    1: z.object({
      externalNo: z.string(),
      departmentId: z.string().min(1),
      result: z.enum(REPLY_RESULTS),
      repliedAt: iso,
      replyDigest: z.string().max(60),
      scriptId: z.string().optional(),
    }),
  },
  /** A department (科室) was created or changed. */
  'hotline.department.upserted': {
    1: z.object({ departmentId: z.string().min(1), code: z.string().min(1), name: z.string().min(1), active: z.boolean() }),
  },
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

type Versions<T extends EventType> = (typeof EVENT_SCHEMAS)[T];
/** The latest version number of an event type. */
export type LatestVersion<T extends EventType> = keyof Versions<T> & number;
export type EventData<T extends EventType, V extends keyof Versions<T> = LatestVersion<T>> = z.infer<
  Versions<T>[V] & z.ZodType
>;

export function latestVersion(type: EventType): number {
  return Math.max(...Object.keys(EVENT_SCHEMAS[type]).map(Number));
}

/** Chinese labels for the timeline a bureau employee reads. */
export const EVENT_LABELS: Record<EventType, string> = {
  'hotline.case.received': '工单接收',
  'hotline.case.signed': '签收',
  'hotline.case.dispatched': '分转派单',
  'hotline.case.replied': '科室答复',
  'hotline.department.upserted': '科室变更',
};
