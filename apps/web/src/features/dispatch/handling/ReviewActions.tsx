import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { useMutation } from '@apollo/client';
import { confirmAction } from '../../../shared/confirm';
import { ReasonModal } from './DecisionModal';
import { APPROVE_REPLY_MUTATION, REJECT_REPLY_MUTATION } from './queries';
import { useCaseAction } from './useCaseAction';

interface Props {
  caseId: string;
  externalNo: string;
  expectedVersion?: number | null;
  onChanged(): void;
  size?: 'small' | 'middle';
}

/** 局审核: approve a reply (the case is 办结) or send it back to the lead department with a reason. */
export function ReviewActions({ caseId, externalNo, expectedVersion, onChanged, size = 'middle' }: Props) {
  const { modal } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const run = useCaseAction(onChanged);
  const options = { refetchQueries: 'active' as const, awaitRefetchQueries: true };
  const [approveReply, { loading: approving }] = useMutation(APPROVE_REPLY_MUTATION, options);
  const [rejectReply, { loading: rejectingNow }] = useMutation(REJECT_REPLY_MUTATION, options);
  const version = expectedVersion ?? undefined;

  const approve = async () => {
    const ok = await confirmAction(modal, {
      title: `确认审核通过工单 ${externalNo} 的答复？`,
      content: '审核通过后工单办结，答复将反馈市民。',
      okText: '审核通过',
    });
    if (!ok) return;
    await run(() => approveReply({ variables: { input: { caseId, expectedVersion: version } } }), `工单 ${externalNo} 已办结`);
  };

  const reject = async (reason: string) => {
    const done = await run(
      () => rejectReply({ variables: { input: { caseId, reason, expectedVersion: version } } }),
      `工单 ${externalNo} 的答复已退回主办科室`,
    );
    if (done) setRejecting(false);
  };

  return (
    <Space>
      <Button type="primary" size={size} loading={approving} onClick={approve} data-testid={`review-approve-${externalNo}`}>
        审核通过
      </Button>
      <Button danger size={size} onClick={() => setRejecting(true)} data-testid={`review-reject-${externalNo}`}>
        退回重办
      </Button>
      <ReasonModal
        open={rejecting}
        title={`退回答复 · ${externalNo}`}
        fieldLabel="退回理由"
        placeholder="写明答复存在的问题和重新办理的要求"
        okText="退回"
        loading={rejectingNow}
        testId="review-reject-modal"
        onSubmit={reject}
        onClose={() => setRejecting(false)}
      />
    </Space>
  );
}
