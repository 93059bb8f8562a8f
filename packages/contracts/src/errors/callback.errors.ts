import { defineErrors } from './define';

/**
 * callback: 回访 tasks (领取 / 分配). Only the refusals moved onto the lists so far; the rest of
 * callback still writes its reasons inline (packages/contracts/test/error-reasons.test.ts).
 */
export const CALLBACK_ERRORS = defineErrors({
  // 分配: identity owns the users; callback asks it whether the assignee is an active 回访员.
  NOT_A_CALLBACK_AGENT: { code: 'BAD_USER_INPUT', message: '只能分配给在岗的回访员' },
  AGENT_CHECK_UNAVAILABLE: { code: 'CONFLICT', message: '暂时无法核对回访员身份，未分配，请稍后重试' },
});
