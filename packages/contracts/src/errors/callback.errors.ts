import { defineErrors } from './define';

/**
 * callback: 回访 tasks (领取 / 分配 / 登记), the scoring policies and periods
 * (三率), the district platform's callback results, and the working calendar as callback reads it.
 */
export const CALLBACK_ERRORS = defineErrors({
  // 分配: identity owns the users; callback asks it whether the assignee is an active 回访员.
  NOT_A_CALLBACK_AGENT: { code: 'BAD_USER_INPUT', message: '只能分配给在岗的回访员' },
  AGENT_CHECK_UNAVAILABLE: { code: 'CONFLICT', message: '暂时无法核对回访员身份，未分配，请稍后重试' },
  // 回访任务 (领取, 登记)
  TASK_NOT_FOUND: { code: 'NOT_FOUND', message: '回访任务不存在' },
  TASK_TAKEN: { code: 'CONFLICT', message: '该回访任务已由其他回访员领取' },
  TASK_CLOSED: { code: 'CONFLICT', message: '工单 {externalNo} 第 {round} 轮回访已结束（{status}），不能再登记' },
  NOT_TASK_HOLDER: { code: 'FORBIDDEN', message: '该回访任务由其他回访员承办' },
  TASK_NOT_CLAIMED: { code: 'FORBIDDEN', reason: 'NOT_TASK_HOLDER', message: '请先领取该回访任务' },
  RESULT_EXISTS: { code: 'CONFLICT', message: '工单 {externalNo} 第 {round} 轮回访已有结果，不能重复登记' },
  REOPEN_EXPLANATION_REQUIRED: { code: 'BAD_USER_INPUT', message: '市民表示未解决或不满意，工单将重新办理：请填写重办说明' },
  // 队列与列表的分页
  INVALID_PAGE: { code: 'BAD_USER_INPUT', message: '页码须为正整数' },
  INVALID_PAGE_SIZE: { code: 'BAD_USER_INPUT', message: '每页条数须在 1 到 100 之间' },
  // 考核口径与三率
  POLICY_NOT_FOUND: { code: 'NOT_FOUND', message: '考核口径不存在' },
  NO_POLICY: { code: 'NOT_FOUND', reason: 'POLICY_NOT_FOUND', message: '没有适用的考核口径' },
  NO_POLICY_FOR_PERIOD: { code: 'NOT_FOUND', reason: 'POLICY_NOT_FOUND', message: '{period} 没有适用的考核口径' },
  WEIGHTS_NOT_100: { code: 'BAD_USER_INPUT', message: '三率权重之和须为 100%，当前为 {sum}%' },
  INVALID_PERIOD: { code: 'BAD_USER_INPUT', message: '考核周期格式应为 YYYY-MM' },
  PERIOD_CLOSED: { code: 'CONFLICT', message: '{period} 考核周期已关账' },
  PERIOD_NOT_ENDED: { code: 'CONFLICT', message: '{period} 考核周期尚未结束，不能关账' },
  // 区级平台回访结果导入
  FILE_UNREADABLE: { code: 'BAD_USER_INPUT', message: '文件无法读取，请确认为区级平台导出的 .xlsx 或 UTF-8 编码的 .csv' },
  FILE_EMPTY: { code: 'BAD_USER_INPUT', message: '文件中没有数据行' },
  // 工作日历 (the calendar's own messages are Chinese already)
  CALENDAR_INVALID_DATE: { code: 'BAD_USER_INPUT', reason: 'INVALID_DATE', message: '{problem}' },
  INVALID_WORKING_HOURS: { code: 'BAD_USER_INPUT', message: '{problem}' },
  INVALID_AMOUNT: { code: 'BAD_USER_INPUT', message: '{problem}' },
});
