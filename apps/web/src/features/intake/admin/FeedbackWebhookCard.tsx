import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { confirmAction } from '../../../shared/confirm';
import { errorMessage } from '../../../shared/errors';
import { CONFIGURE_FEEDBACK_WEBHOOK_MUTATION, FEEDBACK_WEBHOOK_QUERY, REMOVE_FEEDBACK_WEBHOOK_MUTATION } from './queries';

const SOURCE_LABELS: Record<string, string> = { config: '服务配置', admin: '管理员设置', none: '未设置' };

/** 回传地址 (admin): where completed cases are sent back, and the signing secret. */
export function FeedbackWebhookCard() {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ url: string; secret: string }>();
  const [error, setError] = useState<string | null>(null);
  const { data, error: loadError } = useQuery(FEEDBACK_WEBHOOK_QUERY);
  const [configure, { loading }] = useMutation(CONFIGURE_FEEDBACK_WEBHOOK_MUTATION, { refetchQueries: ['FeedbackWebhook'] });
  const [remove, { loading: removing }] = useMutation(REMOVE_FEEDBACK_WEBHOOK_MUTATION, { refetchQueries: ['FeedbackWebhook'] });
  const hook = data?.feedbackWebhook;

  const stop = async () => {
    const ok = await confirmAction(modal, {
      title: '停用管理员设置的回传地址？',
      content: '停用后不再自动回传（如服务配置了回传地址则改用该地址）；待回传的办结反馈可导出后手工上传。',
      okText: '停用',
      danger: true,
    });
    if (!ok) return;
    setError(null);
    try {
      await remove();
      message.success('已停用回传地址');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await confirmAction(modal, {
      title: '保存回传地址？',
      content: `之后的办结反馈将发送到 ${v.url.trim()}，并用新的密钥签名。`,
      okText: '保存',
    });
    if (!ok) return;
    setError(null);
    try {
      await configure({ variables: { url: v.url.trim(), secret: v.secret } });
      message.success('回传地址已保存');
      form.resetFields();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Card size="small" title="回传设置" style={{ marginTop: 16 }} data-testid="feedback-webhook">
      {loadError && <Alert type="error" showIcon message={errorMessage(loadError)} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="当前地址">
          <span data-testid="feedback-webhook-url">{hook?.url || '未设置（办结反馈只能导出后手工上传）'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="来源">
          <Tag>{SOURCE_LABELS[hook?.source ?? 'none'] ?? hook?.source}</Tag>
        </Descriptions.Item>
      </Descriptions>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline">
        <Form.Item
          name="url"
          rules={[
            { required: true, whitespace: true, message: '请输入回传地址' },
            { type: 'url', message: '请输入有效的网址（http:// 或 https://）' },
          ]}
        >
          <Input placeholder="https://区平台回传地址" style={{ width: 360 }} data-testid="feedback-webhook-url-input" />
        </Form.Item>
        <Form.Item
          name="secret"
          rules={[
            { required: true, message: '请输入签名密钥' },
            { min: 16, message: '密钥至少 16 位' },
          ]}
        >
          <Input.Password placeholder="签名密钥" style={{ width: 220 }} autoComplete="new-password" data-testid="feedback-webhook-secret" />
        </Form.Item>
        <Space>
          <Button type="primary" loading={loading} onClick={save} data-testid="feedback-webhook-save">
            保存
          </Button>
          {hook?.source === 'admin' && (
            <Button danger loading={removing} onClick={stop} data-testid="feedback-webhook-remove">
              停用
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
