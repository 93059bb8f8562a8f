import { useEffect } from 'react';
import { DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client';
import { dayjs } from '../shared/time';
import { CONTACT_CHANNEL_LABELS } from './labels';
import { RECORD_CONTACT_MUTATION } from './queries';
import { useCaseAction } from './useCaseAction';

interface Props {
  open: boolean;
  caseId: string;
  externalNo: string;
  expectedVersion?: number | null;
  onClose(): void;
  onChanged(): void;
}

interface ContactForm {
  contactedAt: Dayjs;
  channel: string;
}

const CHANNEL_OPTIONS = Object.entries(CONTACT_CHANNEL_LABELS).map(([value, text]) => ({ value, label: text }));

/** 记录首次联系: when and how the department first reached the citizen. */
export function ContactModal({ open, caseId, externalNo, expectedVersion, onClose, onChanged }: Props) {
  const [form] = Form.useForm<ContactForm>();
  const run = useCaseAction(onChanged);
  const [recordContact, { loading }] = useMutation(RECORD_CONTACT_MUTATION, { refetchQueries: 'active', awaitRefetchQueries: true });

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const done = await run(
      () =>
        recordContact({
          variables: { input: { caseId, channel: v.channel, contactedAt: v.contactedAt.toISOString(), expectedVersion: expectedVersion ?? undefined } },
        }),
      '已记录首次联系',
    );
    if (done) {
      onClose();
      onChanged();
    }
  };

  return (
    <Modal
      open={open}
      title={`记录首次联系 · ${externalNo}`}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'contact-submit' }}
      destroyOnHidden
    >
      <div data-testid="contact-modal">
        <Form<ContactForm> form={form} layout="vertical" preserve={false} initialValues={{ contactedAt: dayjs(), channel: 'phone' }}>
          <Form.Item name="contactedAt" label="联系时间" rules={[{ required: true, message: '请选择联系时间' }]}>
            <DatePicker
              showTime
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="contact-time"
            />
          </Form.Item>
          <Form.Item name="channel" label="联系方式" rules={[{ required: true, message: '请选择联系方式' }]}>
            <Select options={CHANNEL_OPTIONS} data-testid="contact-channel" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
