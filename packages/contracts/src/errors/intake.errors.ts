import { defineErrors } from './define';

/**
 * intake: 受理 (cases, 签收, 关联/并单, 分类), search, 主题, 重点人, 附件, 导入, Open311 keys,
 * 办结反馈 and 查看完整信息. (Empty files, file size and type come from the common list.)
 */
export const INTAKE_ERRORS = defineErrors({
  CASE_NOT_FOUND: { code: 'NOT_FOUND', message: '工单不存在或无权查看' },
  CASE_MISSING: { code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND', message: '工单不存在' },
  SOME_CASES_MISSING: { code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND', message: '部分工单不存在，未签收任何工单' },
  CHANNEL_NOT_ALLOWED: { code: 'BAD_USER_INPUT', message: '逐件接收仅支持区平台推送或手工录入；导入与 Open311 有各自的入口' },
  // 签收
  ALREADY_SIGNED: { code: 'CONFLICT', message: '工单 {externalNo} 已于 {signedAt} 签收，无需重复签收' },
  NOT_AWAITING_SIGNATURE: { code: 'CONFLICT', message: '工单 {externalNo} 当前为「{stage}」，无需签收' },
  // 关联 / 并单
  LINK_TO_SELF: { code: 'BAD_USER_INPUT', message: '不能与自身关联' },
  ALREADY_LINKED: { code: 'CONFLICT', message: '工单 {externalNo} 已关联到其他工单' },
  IS_MASTER: { code: 'CONFLICT', message: '工单 {externalNo} 已是主工单，不能再关联到其他工单' },
  ALREADY_ANSWERED: { code: 'CONFLICT', message: '工单 {externalNo} 当前为「{stage}」，不能再并单（可关联为重复件）' },
  MASTER_ANSWERED: { code: 'CONFLICT', message: '主工单 {externalNo} 已办结，不能再并单；请单独办理或关联为重复件' },
  // 分类
  UNKNOWN_TOPIC: { code: 'BAD_USER_INPUT', message: '主题「{topic}」不在主题分类中' },
  NOTHING_CHANGED: { code: 'BAD_USER_INPUT', message: '分类没有变化' },
  // Queues and search
  FILTER_TOO_LONG: { code: 'BAD_USER_INPUT', message: '筛选文字最多 {max} 个字' },
  PHONE_SEARCH_FORBIDDEN: { code: 'FORBIDDEN', message: '当前角色无权按来电号码或证件号码检索' },
  PHONE_INCOMPLETE: { code: 'BAD_USER_INPUT', message: '请输入完整的来电号码' },
  ID_NUMBER_INCOMPLETE: { code: 'BAD_USER_INPUT', message: '请输入完整的 15 位或 18 位证件号码' },
  // 工单全文 (for dispatch's routing model)
  TOO_MANY_IDS: { code: 'BAD_USER_INPUT', message: '一次最多读取 {max} 件工单' },
  INVALID_ID: { code: 'BAD_USER_INPUT', message: '工单编号格式不正确' },
  // 主题分类
  UNKNOWN_PARENT_TOPIC: { code: 'BAD_USER_INPUT', message: '上级主题不存在' },
  TOPIC_CYCLE: { code: 'BAD_USER_INPUT', message: '主题不能成为自己的下级' },
  TOPIC_NAME_TAKEN: { code: 'BAD_USER_INPUT', message: '主题名称「{name}」已被 {code} 使用' },
  // 重点人
  ALREADY_KEY_PERSON: { code: 'BAD_USER_INPUT', message: '该来电人已是重点人' },
  NOT_KEY_PERSON: { code: 'BAD_USER_INPUT', message: '该来电人不是重点人' },
  // 附件
  UPLOAD_FORBIDDEN: { code: 'FORBIDDEN', reason: 'FORBIDDEN', message: '无权上传附件' },
  DOWNLOAD_FORBIDDEN: { code: 'FORBIDDEN', reason: 'FORBIDDEN', message: '无权下载附件' },
  REMOVE_FORBIDDEN: { code: 'FORBIDDEN', reason: 'FORBIDDEN', message: '无权撤回附件' },
  ATTACHMENT_HIDDEN: { code: 'NOT_FOUND', reason: 'NOT_FOUND', message: '附件不存在或无权查看' },
  TOO_MANY_ATTACHMENTS: { code: 'BAD_USER_INPUT', message: '每件工单最多上传 {max} 个附件' },
  ATTACHMENT_IS_LINK: { code: 'BAD_USER_INPUT', message: '区平台提供的附件链接不是上传的文件，不能撤回' },
  ATTACHMENT_NOT_FOUND: { code: 'NOT_FOUND', message: '附件不存在或已撤回' },
  // 工单导入
  IMPORT_FORBIDDEN: { code: 'FORBIDDEN', reason: 'FORBIDDEN', message: '无权导入工单' },
  SHEET_MALFORMED: { code: 'BAD_USER_INPUT', reason: 'ARCHIVE_MALFORMED', message: '文件已损坏或不是有效的 Excel 文件' },
  UNSUPPORTED_FORMAT: { code: 'BAD_USER_INPUT', message: '仅支持 .xlsx 或 .csv 文件' },
  UNKNOWN_MAPPING: { code: 'BAD_USER_INPUT', message: '列映射「{name}」不存在' },
  IMPORT_NOT_FOUND: { code: 'NOT_FOUND', message: '导入任务不存在' },
  // Open311 密钥
  KEY_NOT_FOUND: { code: 'NOT_FOUND', message: '密钥不存在' },
  // 办结反馈
  FEEDBACK_NOT_FOUND: { code: 'NOT_FOUND', message: '反馈记录不存在' },
  REPLY_UNAVAILABLE: { code: 'CONFLICT', message: '工单 {externalNo} 的{problem}，未导出任何记录，请稍后重试' },
  // 查看完整信息
  CONFIDENTIAL_CASE: { code: 'FORBIDDEN', message: '保密件的来电人信息不向科室公开' },
  NOT_YET_FOR_CALLBACK: { code: 'FORBIDDEN', message: '工单答复后方可查看来电人信息进行回访' },
  NO_CALLBACK_TASK: { code: 'FORBIDDEN', message: '只有承办该工单回访任务的回访员可以查看来电人电话，请先领取回访任务' },
  ROLE_MAY_NOT_REVEAL: { code: 'FORBIDDEN', message: '当前角色无权查看来电人完整信息' },
});
