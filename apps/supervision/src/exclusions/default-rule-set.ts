import type { ExclusionTypeRule } from './exclusion-rules';

/**
 * 默认规则集 (待与局方确认): NOT the bureau's notice. Six classes after art. 11 of
 * 《北京市接诉即办工作条例》 as DOMAIN lists them (illegal demands, matters in court or petition,
 * secrets and privacy, emergency lines, outside the bureau's duties, repeats without new facts —
 * the wording to confirm against the regulation's text) plus malicious repeat callers, with evidence a claim commonly needs
 * and the 5th working day of the following month as the deadline. Valid from 2000-01 so every
 * month has a rule set; the administrator saves the month's real rules as a new version.
 */
export const DEFAULT_RULE_SET_MONTH = '2000-01';
export const DEFAULT_RULE_SET_NOTE =
  '默认规则集（待与局方确认）：参照《北京市接诉即办工作条例》第十一条所列情形及恶意重复来电拟定，类型与材料要求须按局方当月通知修改';

const ev = (key: string, label: string) => ({ key, label });
const DEADLINE = 5;

export const DEFAULT_EXCLUSION_TYPES: ExclusionTypeRule[] = [
  {
    code: 'art11-illegal',
    label: '违反法律法规或违背公序良俗的诉求',
    conditions: '诉求内容违反法律法规、违背公序良俗，或要求为个人谋取不正当利益。',
    requiredEvidence: [ev('call-record', '来电录音或工单原文'), ev('legal-basis', '法律法规依据说明')],
    deadlineWorkingDay: DEADLINE,
  },
  {
    code: 'art11-litigation',
    label: '已进入诉讼、仲裁、纪检监察、行政复议、政府信访程序的诉求',
    conditions: '诉求事项已进入诉讼、仲裁、纪检监察、行政复议、政府信访等法定途径。',
    requiredEvidence: [ev('procedure-proof', '受理通知书或立案材料'), ev('call-record', '来电录音或工单原文')],
    deadlineWorkingDay: DEADLINE,
  },
  {
    code: 'art11-state-secret',
    label: '涉及国家秘密、商业秘密、个人隐私的诉求',
    conditions: '诉求内容涉及国家秘密、商业秘密或他人个人隐私，依法不得公开办理。',
    requiredEvidence: [ev('call-record', '来电录音或工单原文'), ev('secrecy-basis', '涉密或隐私情形说明')],
    deadlineWorkingDay: DEADLINE,
  },
  {
    code: 'art11-out-of-scope',
    label: '超出本单位职责范围的诉求',
    conditions: '诉求事项依法不属于本单位职责，已说明并告知诉求人正确途径。',
    requiredEvidence: [ev('duty-basis', '职责清单或三定方案依据'), ev('reply-record', '告知诉求人的答复记录')],
    deadlineWorkingDay: DEADLINE,
  },
  {
    code: 'art11-repeat',
    label: '无新情况、新理由的重复诉求',
    conditions: '同一诉求人就同一事项反复反映，已依法办理答复且无新情况、新理由。',
    requiredEvidence: [ev('prior-cases', '既往工单及答复记录'), ev('call-record', '来电录音或工单原文')],
    deadlineWorkingDay: DEADLINE,
  },
  {
    code: 'art11-emergency',
    label: '应由紧急热线处置的诉求',
    conditions: '诉求应通过 110、119、120、122 等紧急服务热线处置，已引导诉求人拨打。',
    requiredEvidence: [ev('call-record', '来电录音或工单原文'), ev('referral-record', '转接或告知记录')],
    deadlineWorkingDay: DEADLINE,
  },
  {
    code: 'malicious-repeat',
    label: '恶意重复来电',
    conditions: '诉求人短期内大量重复来电、无理缠访或以辱骂、威胁等方式占用热线资源。',
    requiredEvidence: [ev('call-log', '来电记录清单'), ev('call-record', '典型来电录音')],
    deadlineWorkingDay: DEADLINE,
  },
];
