import { defineErrors } from './define';

/** publicity: 宣传加分 — 典型案例 and their 材料, 节目 (episodes) and their tasks, 文章, the 加分 ledger. */
export const PUBLICITY_ERRORS = defineErrors({
  NOT_PUBLICITY_ROLE: { code: 'FORBIDDEN', reason: 'FORBIDDEN', message: '仅督办员可办理宣传加分事项' },
  CASE_NOT_FOUND: { code: 'NOT_FOUND', message: '工单不存在或无权查看' },
  UNKNOWN_DEPARTMENT: { code: 'BAD_USER_INPUT', message: '科室不存在或已停用' },
  // 典型案例
  TYPICAL_CASE_NOT_FOUND: { code: 'NOT_FOUND', message: '典型案例不存在' },
  TYPICAL_CASE_STALE: { code: 'CONFLICT', reason: 'STALE_VERSION', message: '典型案例已被他人更新，请刷新后重试' },
  ALREADY_NOMINATED: { code: 'CONFLICT', message: '该工单已被提名为典型案例' },
  TYPICAL_CASE_WRONG_STAGE: { code: 'CONFLICT', reason: 'WRONG_STAGE', message: '典型案例当前阶段不能{action}' },
  INVALID_STAGE: { code: 'BAD_USER_INPUT', message: '阶段无效' },
  MATERIAL_MISSING: { code: 'BAD_USER_INPUT', message: '材料不全：缺少{missing}' },
  TOO_MANY_MATERIALS: { code: 'BAD_USER_INPUT', message: '每个典型案例最多上传 {max} 份材料' },
  MATERIAL_NOT_FOUND: { code: 'NOT_FOUND', message: '材料不存在或无权查看' },
  // 节目
  EPISODE_NOT_FOUND: { code: 'NOT_FOUND', message: '节目不存在' },
  EPISODE_STALE: { code: 'CONFLICT', reason: 'STALE_VERSION', message: '节目已被他人更新，请刷新后重试' },
  EPISODE_NOT_PLANNED: { code: 'CONFLICT', reason: 'WRONG_STATUS', message: '只有筹备中的节目可以登记播出或取消' },
  NOT_AIRED_YET: { code: 'CONFLICT', message: '播出日期未到，不能登记已播出' },
  TASK_DEPARTMENT_NOT_PARTICIPATING: { code: 'BAD_USER_INPUT', message: '任务的责任科室须是参与科室' },
  TASK_NOT_FOUND: { code: 'NOT_FOUND', message: '任务不存在或无权查看' },
  TASK_DONE_FORBIDDEN: { code: 'FORBIDDEN', reason: 'FORBIDDEN', message: '无权登记任务完成' },
  TASK_ALREADY_DONE: { code: 'CONFLICT', message: '任务已完成' },
  // 文章
  INVALID_STATUS: { code: 'BAD_USER_INPUT', message: '状态无效' },
  ARTICLE_INCOMPLETE: { code: 'BAD_USER_INPUT', message: '已刊发的文章须填写刊发日期和链接' },
  ARTICLE_NOT_FOUND: { code: 'NOT_FOUND', message: '文章不存在' },
  ARTICLE_STALE: { code: 'CONFLICT', reason: 'STALE_VERSION', message: '文章已被他人更新，请刷新后重试' },
  ARTICLE_CLOSED: { code: 'CONFLICT', reason: 'WRONG_STATUS', message: '已刊发或已取消的文章不能再修改' },
  // 加分台账
  ITEM_NOT_FOUND: { code: 'NOT_FOUND', message: '事项不存在' },
  EPISODE_NOT_AIRED: { code: 'CONFLICT', reason: 'WRONG_STAGE', message: '节目播出后才能登记加分' },
  ARTICLE_NOT_PUBLISHED: { code: 'CONFLICT', reason: 'WRONG_STAGE', message: '文章刊发后才能登记加分' },
  FUTURE_MONTH: { code: 'BAD_USER_INPUT', message: '不能登记到未来的月份' },
  ALREADY_AWARDED: { code: 'CONFLICT', message: '该事项已登记加分，不能重复加分' },
  INVALID_MONTH: { code: 'BAD_USER_INPUT', message: '月份格式应为 YYYY-MM' },
  INVALID_RANGE: { code: 'BAD_USER_INPUT', message: '起始月份不能晚于结束月份' },
  // 工作日历 (stage deadlines); the calendar's own refusals keep its Chinese wording
  INVALID_DATE: { code: 'BAD_USER_INPUT', message: '{problem}' },
  INVALID_WORKING_HOURS: { code: 'BAD_USER_INPUT', message: '{problem}' },
  INVALID_AMOUNT: { code: 'BAD_USER_INPUT', message: '{problem}' },
  CALENDAR_YEAR_NOT_LOADED: { code: 'BAD_USER_INPUT', message: '{problem}' },
});
