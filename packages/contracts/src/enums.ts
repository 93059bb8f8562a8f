/** Shared vocabulary of the domain. Each enum value is the English code; the Chinese label is beside it. */

/** 诉求类型 — the citizen's request type. */
export const REQUEST_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  consultation: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
};

/** 工单分级 — how hard a case is (简单类 / 一般类 / 疑难类). */
export const TIERS = ['simple', 'general', 'difficult'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = { simple: '简单类', general: '一般类', difficult: '疑难类' };

/** 紧急程度 — urgency, which also picks the default handling limit. */
export const URGENCIES = ['normal', 'timely', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', timely: '及时', urgent: '紧急' };

/** 工单阶段 (CASE_STAGES, CASE_STAGE_LABELS) and the transitions between them: see lifecycle.ts. */

/** 答复结果 — the result a department states in its reply. */
export const REPLY_RESULTS = ['solved', 'partly', 'explained', 'unsolvable'] as const;
export type ReplyResult = (typeof REPLY_RESULTS)[number];
export const REPLY_RESULT_LABELS: Record<ReplyResult, string> = {
  solved: '已解决',
  partly: '部分解决',
  explained: '已解释说明',
  unsolvable: '政策原因无法解决',
};

/** 渠道 — how a work order reached the bureau. */
export const CHANNELS = ['district', 'import', 'open311', 'manual'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { district: '区级平台派单', import: '批量导入', open311: 'Open311 接口', manual: '人工录入' };

/** Roles (see docs/security.md). */
export const ROLES = ['admin', 'duty', 'handler', 'supervisor', 'callback', 'leader', 'partner'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  duty: '值守员',
  handler: '科室承办人',
  supervisor: '督办员',
  callback: '回访员',
  leader: '局领导',
  partner: '合作系统',
};

/** 退回原因 — why a department returns a misrouted case (退回), with its basis given beside it. */
export const RETURN_REASONS = ['not-our-duty', 'wrong-department', 'outside-bureau', 'duplicate', 'insufficient-info'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const RETURN_REASON_LABELS: Record<ReturnReason, string> = {
  'not-our-duty': '不属于本科室职责',
  'wrong-department': '分转科室错误',
  'outside-bureau': '不属于本局职责',
  duplicate: '重复工单',
  'insufficient-info': '诉求信息不全，无法办理',
};

/** 联系方式 — how a department first reached the citizen. */
export const CONTACT_CHANNELS = ['phone', 'sms', 'visit', 'wechat', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_CHANNEL_LABELS: Record<ContactChannel, string> = { phone: '电话', sms: '短信', visit: '上门', wechat: '微信', other: '其他' };

/** 关联方式 — how an incoming case is tied to an earlier one: 重复件 (repeat) or 并单 (merge). */
export const LINK_KINDS = ['repeat', 'merge'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_KIND_LABELS: Record<LinkKind, string> = { repeat: '重复件', merge: '并单' };

/** 办结反馈 — how the completion feedback reached the district platform, and its state. */
export const FEEDBACK_CHANNELS = ['webhook', 'export'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export const FEEDBACK_STATES = ['pending', 'delivered', 'failed', 'exported'] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];
export const FEEDBACK_STATE_LABELS: Record<FeedbackState, string> = { pending: '待反馈', delivered: '已反馈', failed: '反馈失败', exported: '已导出待上传' };

/** 个人信息字段 — what a reveal (查看完整信息) discloses. */
export const PERSONAL_DATA_FIELDS = ['name', 'phone', 'address'] as const;
export type PersonalDataField = (typeof PERSONAL_DATA_FIELDS)[number];

/** 回访结果 — how one callback attempt went (呼叫结果). */
export const CALLBACK_OUTCOMES = ['reached', 'no-answer', 'refused', 'wrong-number'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];
export const CALLBACK_OUTCOME_LABELS: Record<CallbackOutcome, string> = {
  reached: '已接通',
  'no-answer': '无人接听',
  refused: '拒绝回访',
  'wrong-number': '号码错误',
};

/** 满意度 — what the citizen says at callback: 满意 / 基本满意 / 不满意. */
export const SATISFACTION_LEVELS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];
export const SATISFACTION_LABELS: Record<Satisfaction, string> = { satisfied: '满意', basically: '基本满意', dissatisfied: '不满意' };

/** 二次督办结果 — how a second round ended: resolved (the citizen says so at the next callback) or not. */
export const SUPERVISION_OUTCOMES = ['resolved', 'unresolved', 'unreachable'] as const;
export type SupervisionOutcome = (typeof SUPERVISION_OUTCOMES)[number];
export const SUPERVISION_OUTCOME_LABELS: Record<SupervisionOutcome, string> = { resolved: '已解决', unresolved: '仍未解决', unreachable: '回访未接通' };

/** 队列排序 — how a work queue (待签收, 待分转) is ordered: longest waiting first, or most urgent first. */
export const QUEUE_SORTS = ['wait', 'urgency'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_SORT_LABELS: Record<QueueSort, string> = { wait: '等待最久在前', urgency: '紧急程度高在前' };
