import { useEffect } from 'react';
import { Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client';
import { CONTACT_CHANNEL_LABELS } from './labels';
import { RECORD_CONTACT_MUTATION } from './queries';
import { BEIJING_TIME, contactDateDisabled, contactedAtForApi, contactTimeError, shanghaiNow, ShanghaiDatePicker } from './shanghai-picker';
import { useCaseAction } from './useCaseAction';
import type { ContactChannel } from '../../../gql/graphql';

interface Props {
  open: boolean;
  caseId: string;
  externalNo: string;
  expectedVersion?: number | null;
  /** When the case was dispatched: the contact cannot be earlier. */
  dispatchedAt?: string | null;
  onClose(): void;
  onChanged(): void;
}

interface ContactForm {
  contactedAt: Dayjs;
  channel: string;
}

const CHANNEL_OPTIONS = Object.entries(CONTACT_CHANNEL_LABELS).map(([value, text]) => ({ value, label: text }));

/** 记录首次联系: when (Beijing time) and how the department first reached the citizen. */
export function ContactModal({ open, caseId, externalNo, expectedVersion, dispatchedAt, onClose, onChanged }: Props) {
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
          variables: {
            input: {
              caseId,
              channel: v.channel as ContactChannel,
              contactedAt: contactedAtForApi(v.contactedAt, Date.now(), dispatchedAt),
              expectedVersion: expectedVersion ?? undefined,
            },
          },
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
        <Form<ContactForm> form={form} layout="vertical" preserve={false} initialValues={{ contactedAt: shanghaiNow(), channel: 'phone' }}>
          <Form.Item
            name="contactedAt"
            label={`联系时间（${BEIJING_TIME}）`}
            extra="按北京时间填写，与电脑所在时区无关"
            rules={[
              {
                validator: async (_, value: Dayjs | null) => {
                  const error = contactTimeError(value, Date.now(), dispatchedAt);
                  if (error) throw new Error(error);
                },
              },
            ]}
          >
            <ShanghaiDatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(d) => contactDateDisabled(d, Date.now(), dispatchedAt)}
              suffixIcon={<span data-testid="contact-time-zone">{BEIJING_TIME}</span>}
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
