import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { useMutation } from '@apollo/client';
import { confirmAction } from '../../../shared/confirm';
import { formatDateTime } from '../../../shared/time';
import { ReasonModal } from './DecisionModal';
import { APPROVE_EXTENSION_MUTATION, REFUSE_EXTENSION_MUTATION } from './queries';
import type { ExtensionRequest } from './types';
import { useCaseAction } from './useCaseAction';

interface Props {
  extension: ExtensionRequest;
  externalNo: string;
  expectedVersion?: number | null;
  onChanged(): void;
}

/** 延期审批 (supervisor): approve — the new deadline applies — or refuse with a reason. */
export function ExtensionDecision({ extension, externalNo, expectedVersion, onChanged }: Props) {
  const { modal } = App.useApp();
  const [refusing, setRefusing] = useState(false);
  const run = useCaseAction(onChanged);
  const options = { refetchQueries: 'active' as const, awaitRefetchQueries: true };
  const [approve, { loading: approving }] = useMutation(APPROVE_EXTENSION_MUTATION, options);
  const [refuse, { loading: refusingNow }] = useMutation(REFUSE_EXTENSION_MUTATION, options);
  const version = expectedVersion ?? undefined;

  const onApprove = async () => {
    const ok = await confirmAction(modal, {
      title: `批准工单 ${externalNo} 延期？`,
      content: `办理时限将延至 ${formatDateTime(extension.requestedUntil)}。`,
      okText: '批准',
    });
    if (!ok) return;
    await run(() => approve({ variables: { input: { extensionId: extension.id, expectedVersion: version } } }), '已批准延期');
  };

  const onRefuse = async (note: string) => {
    const done = await run(() => refuse({ variables: { input: { extensionId: extension.id, note, expectedVersion: version } } }), '已不批准延期');
    if (done) setRefusing(false);
  };

  return (
    <Space>
      <Button type="primary" size="small" loading={approving} onClick={onApprove} data-testid={`extension-approve-${extension.id}`}>
        批准
      </Button>
      <Button danger size="small" onClick={() => setRefusing(true)} data-testid={`extension-refuse-${extension.id}`}>
        不批准
      </Button>
      <ReasonModal
        open={refusing}
        title={`不批准延期 · ${externalNo}`}
        fieldLabel="不批准理由"
        okText="不批准"
        loading={refusingNow}
        testId="extension-refuse-modal"
        onSubmit={onRefuse}
        onClose={() => setRefusing(false)}
      />
    </Space>
  );
}
