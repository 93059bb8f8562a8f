import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import { URGE_CASE_MUTATION } from './queries';

interface Props {
  open: boolean;
  caseId: string;
  externalNo: string;
  clockKind?: string;
  onClose: () => void;
  onDone: () => void;
}

/** 人工催办: a note to the lead department, recorded on the case timeline. */
export function UrgeModal({ open, caseId, externalNo, clockKind, onClose, onDone }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [urge, { loading }] = useMutation(URGE_CASE_MUTATION);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const { note } = await form.validateFields();
    try {
      await urge({ variables: { input: { caseId, note, ...(clockKind ? { clockKind } : {}) } } });
      message.success('已催办，已记入工单办理过程');
      form.resetFields();
      setError(null);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      title={`催办 · ${externalNo}`}
      okText="发出催办"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      okButtonProps={{ 'data-testid': 'urge-submit' } as never}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label="催办说明"
          rules={[
            { required: true, message: '请填写催办说明' },
            { min: 2, message: '催办说明至少 2 个字' },
            { max: 200, message: '催办说明最多 200 个字' },
          ]}
          extra="发给主办科室，记入工单办理过程；电话号码会被自动隐去。"
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
        >
          <Input.TextArea rows={3} maxLength={200} showCount data-testid="urge-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
