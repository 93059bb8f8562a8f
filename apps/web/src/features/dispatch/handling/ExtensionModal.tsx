import { useEffect } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client';
import { formatDateTime } from '../../../shared/time';
import { REQUEST_EXTENSION_MUTATION } from './queries';
import { BEIJING_TIME, defaultExtensionUntil, extensionUntilError, fromPickerValue, MAX_EXTENSION_DAYS, ShanghaiDatePicker } from './shanghai-picker';
import { useCaseAction } from './useCaseAction';

interface Props {
  open: boolean;
  caseId: string;
  externalNo: string;
  deadlineAt?: string | null;
  expectedVersion?: number | null;
  onClose(): void;
  onChanged(): void;
}

interface ExtensionForm {
  requestedUntil: Dayjs;
  reason: string;
}

/** 申请延期: asked before the deadline, to a later time (Beijing time); a supervisor decides. */
export function ExtensionModal({ open, caseId, externalNo, deadlineAt, expectedVersion, onClose, onChanged }: Props) {
  const [form] = Form.useForm<ExtensionForm>();
  const run = useCaseAction(onChanged);
  const [requestExtension, { loading }] = useMutation(REQUEST_EXTENSION_MUTATION, { refetchQueries: 'active', awaitRefetchQueries: true });

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const done = await run(
      () =>
        requestExtension({
          variables: {
            input: { caseId, requestedUntil: fromPickerValue(v.requestedUntil), reason: v.reason.trim(), expectedVersion: expectedVersion ?? undefined },
          },
        }),
      `工单 ${externalNo} 的延期申请已提交，等待督办员审批`,
    );
    if (done) {
      onClose();
      onChanged();
    }
  };

  return (
    <Modal
      open={open}
      title={`申请延期 · ${externalNo}`}
      okText="提交申请"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'extension-submit' }}
      destroyOnHidden
    >
      <div data-testid="extension-modal">
        <Typography.Paragraph type="secondary">
          当前办理时限：<span data-testid="extension-current-deadline">{formatDateTime(deadlineAt)}</span>（{BEIJING_TIME}）。延期须在时限届满前申请，一次最多{' '}
          {MAX_EXTENSION_DAYS} 天。
        </Typography.Paragraph>
        <Form<ExtensionForm> form={form} layout="vertical" preserve={false} initialValues={{ requestedUntil: defaultExtensionUntil(deadlineAt) }}>
          <Form.Item
            name="requestedUntil"
            label={`申请延至（${BEIJING_TIME}）`}
            rules={[
              {
                validator: async (_, value: Dayjs | null) => {
                  const error = extensionUntilError(value, deadlineAt);
                  if (error) throw new Error(error);
                },
              },
            ]}
          >
            <ShanghaiDatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              suffixIcon={<span data-testid="extension-time-zone">{BEIJING_TIME}</span>}
              data-testid="extension-until"
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label="延期理由"
            rules={[
              { required: true, whitespace: true, message: '请填写延期理由' },
              { min: 5, message: '延期理由至少 5 个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：需协调多方现场核查，预计所需时间" data-testid="extension-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
