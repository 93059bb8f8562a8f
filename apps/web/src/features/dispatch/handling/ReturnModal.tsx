import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useApolloClient, useMutation } from '@apollo/client';
import { useNavigate } from 'react-router-dom';
import { confirmAction } from '../../../shared/confirm';
import { RETURN_REASON_OPTIONS, returnReasonLabel } from './labels';
import { RETURN_CASE_MUTATION } from './queries';
import { useCaseAction } from './useCaseAction';
import type { ReturnReason } from '../../../gql/graphql';

interface Props {
  open: boolean;
  caseId: string;
  externalNo: string;
  expectedVersion?: number | null;
  onClose(): void;
  onChanged(): void;
}

interface ReturnForm {
  reasonCode: string;
  basis: string;
}

/** Shown once the case is back in the duty queue. */
export const RETURNED_MESSAGE = '已退回，工单已回到值守员待分转';

/** 退回: the lead department gives a wrongly routed case back to 待分转, with a reason and basis. */
export function ReturnModal({ open, caseId, externalNo, expectedVersion, onClose, onChanged }: Props) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<ReturnForm>();
  const navigate = useNavigate();
  const client = useApolloClient();
  const run = useCaseAction(onChanged);
  // The mutation selects only `id`: after the return the department may no longer read the case.
  const [returnCase, { loading }] = useMutation(RETURN_CASE_MUTATION);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await confirmAction(modal, {
      title: `确认退回工单 ${externalNo}？`,
      content: `退回原因：${returnReasonLabel(v.reasonCode)}。退回后工单回到值守员待分转，本科室不再办理。`,
      okText: '确认退回',
      danger: true,
    });
    if (!ok) return;
    const done = await run(
      () =>
        returnCase({
          variables: { input: { caseId, reasonCode: v.reasonCode as ReturnReason, basis: v.basis.trim(), expectedVersion: expectedVersion ?? undefined } },
        }),
      RETURNED_MESSAGE,
    );
    if (done) {
      onClose();
      // Back to the inbox (it reloads on mount); then drop the case from the cache so no list
      // shows it meanwhile — after leaving, so the case page does not try to reload it.
      navigate('/inbox', { replace: true });
      setTimeout(() => {
        client.cache.evict({ id: client.cache.identify({ __typename: 'Case', id: caseId }) });
        client.cache.gc();
      }, 0);
    }
  };

  return (
    <Modal
      open={open}
      title={`退回工单 ${externalNo}`}
      okText="退回"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ danger: true, 'data-testid': 'return-submit' }}
      destroyOnHidden
    >
      <div data-testid="return-modal">
        <Form<ReturnForm> form={form} layout="vertical" preserve={false}>
          <Form.Item name="reasonCode" label="退回原因" rules={[{ required: true, message: '请选择退回原因' }]}>
            <Select options={RETURN_REASON_OPTIONS} placeholder="请选择退回原因" data-testid="return-reason" />
          </Form.Item>
          <Form.Item
            name="basis"
            label="退回依据"
            rules={[
              { required: true, whitespace: true, message: '请填写退回依据' },
              { min: 4, message: '退回依据至少 4 个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：权责清单条目、应由哪个单位办理" data-testid="return-basis" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
