import { z } from 'zod';
import { REPLY_RESULTS } from '../enums';
import { EventDefinition, iso } from './shared';

/** Events dispatch publishes: routing to departments and the departments' work. */
export const DISPATCH_EVENTS = {
  /** 分转派单 to a lead department and optional assisting ones. */
  'hotline.case.dispatched': {
    label: '分转派单',
    versions: {
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
  },
  /** 答复 from a department. */
  'hotline.case.replied': {
    label: '科室答复',
    versions: {
      1: z.object({
        externalNo: z.string(),
        departmentId: z.string().min(1),
        result: z.enum(REPLY_RESULTS),
        repliedAt: iso,
        replyDigest: z.string().max(60),
        scriptId: z.string().optional(),
      }),
    },
  },
} as const satisfies Record<string, EventDefinition>;
