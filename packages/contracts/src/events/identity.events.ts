import { z } from 'zod';
import { EventDefinition } from './shared';

/** Events identity publishes. */
export const IDENTITY_EVENTS = {
  /** A department (科室) was created or changed. */
  'hotline.department.upserted': {
    label: '科室变更',
    versions: { 1: z.object({ departmentId: z.string().min(1), code: z.string().min(1), name: z.string().min(1), active: z.boolean() }) },
  },
} as const satisfies Record<string, EventDefinition>;
