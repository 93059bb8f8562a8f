import { useEffect } from 'react';
import { Form, Input, Modal } from 'antd';

interface Props {
  open: boolean;
  title: string;
  fieldLabel: string;
  placeholder?: string;
  okText: string;
  loading?: boolean;
  testId: string;
  onSubmit(reason: string): void;
  onClose(): void;
}

/** Asks for the required reason of a negative decision (退回答复, 不批准延期, 改派 …). */
export function ReasonModal({ open, title, fieldLabel, placeholder, okText, loading, testId, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (v) onSubmit(v.reason.trim());
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ danger: true, 'data-testid': `${testId}-submit` }}
      destroyOnHidden
    >
      <div data-testid={testId}>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label={fieldLabel}
            rules={[
              { required: true, whitespace: true, message: `请填写${fieldLabel}` },
              { min: 4, message: `${fieldLabel}至少 4 个字` },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={placeholder} data-testid={`${testId}-reason`} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
