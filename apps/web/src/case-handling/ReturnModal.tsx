import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useMutation } from '@apollo/client';
import { useNavigate } from 'react-router-dom';
import { confirmAction } from '../shared/confirm';
import { RETURN_REASON_LABELS } from './labels';
import { RETURN_CASE_MUTATION } from './queries';
import { useCaseAction } from './useCaseAction';

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

const REASON_OPTIONS = Object.entries(RETURN_REASON_LABELS).map(([value, text]) => ({ value, label: text }));

/** 退回: the lead department gives a wrongly routed case back to 待分转, with a reason and basis. */
export function ReturnModal({ open, caseId, externalNo, expectedVersion, onClose, onChanged }: Props) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<ReturnForm>();
  const navigate = useNavigate();
  const run = useCaseAction(onChanged);
  // After a return the department no longer holds the case: refresh the inbox and go back to it.
  const [returnCase, { loading }] = useMutation(RETURN_CASE_MUTATION, { refetchQueries: ['DepartmentInbox', 'DepartmentInboxCounts', 'DepartmentReturns'] });

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await confirmAction(modal, {
      title: `确认退回工单 ${externalNo}？`,
      content: `退回原因：${RETURN_REASON_LABELS[v.reasonCode]}。退回后工单回到值守员待分转，本科室不再办理。`,
      okText: '确认退回',
      danger: true,
    });
    if (!ok) return;
    const done = await run(
      () => returnCase({ variables: { input: { caseId, reasonCode: v.reasonCode, basis: v.basis.trim(), expectedVersion: expectedVersion ?? undefined } } }),
      `工单 ${externalNo} 已退回`,
    );
    if (done) {
      onClose();
      navigate('/inbox', { replace: true });
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
            <Select options={REASON_OPTIONS} placeholder="请选择退回原因" data-testid="return-reason" />
          </Form.Item>
          <Form.Item
            name="basis"
            label="退回依据"
            rules={[{ required: true, whitespace: true, message: '请填写退回依据' }]}
          >
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：权责清单条目、应由哪个单位办理" data-testid="return-basis" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
