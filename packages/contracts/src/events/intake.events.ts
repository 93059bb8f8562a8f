import { z } from 'zod';
import { CHANNELS, REQUEST_TYPES, TIERS, URGENCIES } from '../enums';
import { EventDefinition, iso } from './shared';

/** Events intake publishes: a work order's arrival and what the bureau knows about it. */
export const INTAKE_EVENTS = {
  /** A work order entered the bureau (工单接收). */
  'hotline.case.received': {
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
      }),
    },
  },
  /** 签收 */
  'hotline.case.signed': { label: '签收', versions: { 1: z.object({ externalNo: z.string(), signedAt: iso }) } },
} as const satisfies Record<string, EventDefinition>;
