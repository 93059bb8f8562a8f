import { z } from 'zod';
import { EventDefinition, iso } from './shared';

/** Events identity publishes. */
export const IDENTITY_EVENTS = {
  /** A department (科室) was created or changed. */
  'hotline.department.upserted': {
    label: '科室变更',
    versions: { 1: z.object({ departmentId: z.string().min(1), code: z.string().min(1), name: z.string().min(1), active: z.boolean() }) },
  },
  /**
   * A user's tokens issued before `notBefore` are no longer valid (停用 / 角色或科室变更 / 重置密码):
   * every service and the gateway refuse them within seconds. Only the user's id — no name.
   */
  'hotline.user.tokens-revoked': {
    label: '令牌作废',
    versions: {
      1: z.object({
        userId: z.string().min(1),
        notBefore: iso,
        reason: z.enum(['disabled', 'role-changed', 'department-changed', 'password-reset']),
      }),
    },
  },
} as const satisfies Record<string, EventDefinition>;
