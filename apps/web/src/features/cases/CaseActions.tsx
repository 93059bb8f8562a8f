import { useState } from 'react';
import { App, Button, Space } from 'antd';
import { useMutation } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { DispatchModal } from '../dispatch/duty/DispatchModal';
import { SIGN_CASE_MUTATION } from '../dispatch/duty/queries';
import { errorMessage } from '../../shared/errors';
import type { CaseDetail } from '../../shared/types';

/** Duty actions on the case page: 签收 a received case, 分转 a signed one. */
export function CaseActions({ c, onChanged }: { c: CaseDetail; onChanged(): void }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [dispatching, setDispatching] = useState(false);
  const [signCase, { loading: signing }] = useMutation(SIGN_CASE_MUTATION, {
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });
  if (user.role !== 'duty') return null;

  const sign = async () => {
    try {
      await signCase({ variables: { id: c.id } });
      message.success(`工单 ${c.externalNo} 已签收`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Space>
      {c.stage === 'received' && (
        <Button type="primary" loading={signing} onClick={sign} data-testid="case-sign">
          签收
        </Button>
      )}
      {c.stage === 'signed' && (
        <Button type="primary" onClick={() => setDispatching(true)} data-testid="case-dispatch">
          分转
        </Button>
      )}
      <DispatchModal cases={dispatching ? [c] : []} onClose={() => setDispatching(false)} onDone={onChanged} />
    </Space>
  );
}
