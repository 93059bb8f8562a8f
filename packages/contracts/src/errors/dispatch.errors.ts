import { defineErrors } from './define';

/** dispatch: 分转 / 改派, the department's handling (接收, 联系, 延期, 协办, 答复), 局审核, 权责清单. */
export const DISPATCH_ERRORS = defineErrors({
  CASE_NOT_FOUND: { code: 'NOT_FOUND', message: '工单不存在或无权查看' },
  WRONG_STAGE: { code: 'CONFLICT', message: '工单 {externalNo} 当前为「{stage}」，不能{action}' },
  CASE_MERGED: { code: 'CONFLICT', message: '工单 {externalNo} 已并单至主工单{master}，请办理主工单' },
  CASE_STALE: { code: 'CONFLICT', reason: 'STALE_VERSION', message: '工单已被他人更新，请刷新后重试' },
  NOT_LEAD_DEPARTMENT: { code: 'FORBIDDEN', message: '只有主办科室可以{action}，协办科室请向主办科室反馈' },
  NOT_ASSIST_DEPARTMENT: { code: 'FORBIDDEN', message: '只有协办科室可以提交协办反馈' },
  NOT_A_HANDLER: { code: 'FORBIDDEN', message: '科室工作台仅供科室承办人使用' },
  FILTER_TOO_LONG: { code: 'BAD_USER_INPUT', message: '筛选文字最多 {max} 个字' },
  // 分转 / 改派
  CASE_NOT_SIGNED: { code: 'BAD_USER_INPUT', message: '工单 {externalNo} 尚未签收，请先签收再分转' },
  ALREADY_DISPATCHED: { code: 'CONFLICT', message: '工单 {externalNo} 已分转，不能重复分转；如需更换科室请使用改派' },
  BULK_SIZE: { code: 'BAD_USER_INPUT', message: '批量分转一次 1 至 {max} 件' },
  LEAD_ALSO_ASSIST: { code: 'BAD_USER_INPUT', message: '主办科室不能同时作为协办科室' },
  UNKNOWN_DEPARTMENT: { code: 'BAD_USER_INPUT', message: '科室不存在或已停用：{departments}' },
  SAME_ASSIGNMENT: { code: 'BAD_USER_INPUT', message: '改派后的科室与当前相同' },
  // 首次联系
  ALREADY_CONTACTED: { code: 'CONFLICT', message: '已登记过首次联系' },
  CONTACT_IN_FUTURE: { code: 'BAD_USER_INPUT', message: '联系时间不能晚于当前时间' },
  CONTACT_BEFORE_DISPATCH: { code: 'BAD_USER_INPUT', message: '联系时间不能早于分转时间' },
  // 延期
  NO_DEADLINE: { code: 'CONFLICT', message: '工单没有办理时限，无需延期' },
  DEADLINE_PASSED: { code: 'CONFLICT', message: '办理时限已过，不能再申请延期；延期须在时限届满前申请' },
  EXTENSION_IN_PAST: { code: 'BAD_USER_INPUT', message: '申请延至的时间已经过去，请选择当前办理时限之后的时间' },
  EXTENSION_NOT_LATER: { code: 'BAD_USER_INPUT', message: '申请延至的时间须晚于当前办理时限' },
  EXTENSION_TOO_LONG: { code: 'BAD_USER_INPUT', message: '一次延期最多 {maxDays} 天' },
  EXTENSION_PENDING: { code: 'CONFLICT', message: '已有待审批的延期申请' },
  EXTENSION_NOT_FOUND: { code: 'NOT_FOUND', message: '延期申请不存在' },
  EXTENSION_DECIDED: { code: 'CONFLICT', message: '该延期申请已处理' },
  // 协办
  ASSIST_NOT_FOUND: { code: 'NOT_FOUND', message: '没有本科室的协办任务' },
  ALREADY_REPORTED: { code: 'CONFLICT', message: '本科室已提交协办反馈' },
  ASSIST_OPEN: { code: 'CONFLICT', message: '仍有协办科室未反馈，主办科室暂不能答复' },
  // 答复与局审核
  NO_PENDING_REPLY: { code: 'CONFLICT', message: '没有待审核的答复' },
  NO_APPROVED_REPLY: { code: 'NOT_FOUND', message: '该工单没有已通过审核的答复' },
  // 统一答复口径 (reply scripts)
  SCRIPT_VERSION_REQUIRED: { code: 'BAD_USER_INPUT', message: '采用答复口径时须注明口径版本' },
  SCRIPT_VERSION_UNKNOWN: { code: 'BAD_USER_INPUT', message: '答复口径的该版本不存在或已停用，请采用当前发布的口径' },
  SCRIPT_NOT_APPLICABLE: { code: 'BAD_USER_INPUT', message: '该答复口径不适用于本工单' },
  // 权责清单
  RULE_NOT_FOUND: { code: 'NOT_FOUND', message: '权责清单条目不存在' },
  RULE_RETIRED: { code: 'BAD_USER_INPUT', message: '该条目已停用' },
});
