// The web's label tables are the contracts' (@hotline/contracts/browser), not copies: every enum
// the screens label agrees with the domain's list, value for value.
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_OUTCOME_LABELS,
  CASE_STAGE_LABELS,
  CHANNEL_LABELS as CONTRACT_CHANNEL_LABELS,
  CONTACT_CHANNEL_LABELS as CONTRACT_CONTACT_LABELS,
  FEEDBACK_STATE_LABELS as CONTRACT_FEEDBACK_LABELS,
  LINK_KIND_LABELS as CONTRACT_LINK_KIND_LABELS,
  QUEUE_SORT_LABELS,
  REPLY_RESULT_LABELS as CONTRACT_REPLY_RESULT_LABELS,
  REQUEST_TYPE_LABELS as CONTRACT_REQUEST_TYPE_LABELS,
  RETURN_REASON_LABELS as CONTRACT_RETURN_LABELS,
  ROLE_LABELS as CONTRACT_ROLE_LABELS,
  SATISFACTION_LABELS as CONTRACT_SATISFACTION_LABELS,
  SUPERVISION_OUTCOME_LABELS as CONTRACT_SUPERVISION_OUTCOME_LABELS,
  TIER_LABELS as CONTRACT_TIER_LABELS,
  URGENCY_LABELS as CONTRACT_URGENCY_LABELS,
} from '@hotline/contracts/browser';
import { OUTCOME_LABELS, SATISFACTION_LABELS, SUPERVISION_OUTCOME_LABELS } from '../features/callback/labels';
import { CONTACT_CHANNEL_LABELS, HANDLING_STAGE_LABELS, RETURN_REASON_LABELS } from '../features/dispatch/handling/labels';
import { FEEDBACK_STATE_LABELS } from '../features/intake/admin/feedbackLabels';
import { LINK_KIND_LABELS } from '../features/intake/repeats/types';
import { SELECTOR_LABELS } from '../features/supervision/labels';
import { QUEUE_SORT_OPTIONS } from '../features/dispatch/duty/queueView';
import { CHANNEL_LABELS, REPLY_RESULT_LABELS, REQUEST_TYPE_LABELS, ROLE_LABELS, STAGE_LABELS, TIER_LABELS, URGENCY_LABELS } from './labels';

describe('label tables come from @hotline/contracts/browser', () => {
  it.each([
    ['工单阶段', STAGE_LABELS, CASE_STAGE_LABELS],
    ['办理阶段', HANDLING_STAGE_LABELS, CASE_STAGE_LABELS],
    ['诉求类型', REQUEST_TYPE_LABELS, CONTRACT_REQUEST_TYPE_LABELS],
    ['工单分级', TIER_LABELS, CONTRACT_TIER_LABELS],
    ['紧急程度', URGENCY_LABELS, CONTRACT_URGENCY_LABELS],
    ['答复结果', REPLY_RESULT_LABELS, CONTRACT_REPLY_RESULT_LABELS],
    ['渠道', CHANNEL_LABELS, CONTRACT_CHANNEL_LABELS],
    ['退回原因', RETURN_REASON_LABELS, CONTRACT_RETURN_LABELS],
    ['联系方式', CONTACT_CHANNEL_LABELS, CONTRACT_CONTACT_LABELS],
    ['关联方式', LINK_KIND_LABELS, CONTRACT_LINK_KIND_LABELS],
    ['办结反馈', FEEDBACK_STATE_LABELS, CONTRACT_FEEDBACK_LABELS],
    ['回访结果', OUTCOME_LABELS, CALLBACK_OUTCOME_LABELS],
    ['满意度', SATISFACTION_LABELS, CONTRACT_SATISFACTION_LABELS],
    ['二次督办结果', SUPERVISION_OUTCOME_LABELS, CONTRACT_SUPERVISION_OUTCOME_LABELS],
    ['时限范围·诉求类型', SELECTOR_LABELS.requestTypes, CONTRACT_REQUEST_TYPE_LABELS],
    ['时限范围·紧急程度', SELECTOR_LABELS.urgencies, CONTRACT_URGENCY_LABELS],
    ['时限范围·工单分级', SELECTOR_LABELS.tiers, CONTRACT_TIER_LABELS],
  ] as const)('%s', (_name, web, contract) => {
    expect(web).toEqual(contract);
  });

  it('roles: every bureau role, as the contracts name it (partner systems are not users)', () => {
    const { partner: _partner, ...bureau } = CONTRACT_ROLE_LABELS;
    expect(ROLE_LABELS).toEqual(bureau);
  });

  it('queue sort choices', () => {
    expect(Object.fromEntries(QUEUE_SORT_OPTIONS.map((o) => [o.value, o.label]))).toEqual(QUEUE_SORT_LABELS);
  });
});
