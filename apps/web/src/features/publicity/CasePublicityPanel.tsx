import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Space, Tag } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { errorMessage } from '../../shared/errors';
import { CASE_PUBLICITY_QUERY, NOMINATE } from './queries';

/**
 * 宣传 on the case page: the items the case belongs to, and for a supervisor the 提名典型案例
 * button. Its own query, so the rest of the page never waits on (or fails with) publicity.
 */
export function CasePublicityPanel({ caseId, caseTitle }: { caseId: string; caseTitle: string }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { data, refetch } = useQuery(CASE_PUBLICITY_QUERY, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [nominate, { loading }] = useMutation(NOMINATE);
  const links = data?.case?.publicity ?? [];
  const canNominate = user.role === 'supervisor' && !links.some((l) => l.kind === 'typical-case' && l.status !== 'rejected');
  if (!canNominate && links.length === 0) return null;
  return (
    <Card
      size="small"
      title="宣传加分"
      style={{ marginTop: 16 }}
      data-testid="case-publicity"
      extra={
        canNominate ? (
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="case-nominate">
            提名典型案例
          </Button>
        ) : null
      }
    >
      <Space wrap>
        {links.length === 0 && <span>尚未纳入宣传加分事项</span>}
        {links.map((l) => (
          <Tag key={l.itemId} color={l.status === 'awarded' || l.status === 'published' || l.status === 'aired' ? 'green' : 'blue'}>
            {l.kindLabel}：{l.title}（{l.statusLabel}）
          </Tag>
        ))}
      </Space>
      <Modal
        open={open}
        title="提名典型案例"
        okText="提名"
        cancelText="取消"
        confirmLoading={loading}
        destroyOnHidden
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        data-testid="nominate-modal"
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ title: caseTitle.slice(0, 100) }}
          onFinish={async (v: { title: string; reason: string }) => {
            try {
              await nominate({ variables: { i: { caseId, title: v.title, reason: v.reason } } });
              message.success('已提名，进入撰写阶段');
              setOpen(false);
              void refetch();
            } catch (e) {
              message.error(errorMessage(e));
            }
          }}
        >
          <Form.Item name="title" label="案例标题" rules={[{ required: true, min: 4, message: '案例标题至少 4 个字' }]}>
            <Input maxLength={100} data-testid="nominate-title" />
          </Form.Item>
          <Form.Item name="reason" label="提名理由" rules={[{ required: true, min: 4, message: '提名理由至少 4 个字' }]}>
            <Input.TextArea rows={3} maxLength={1000} data-testid="nominate-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
