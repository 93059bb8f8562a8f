import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { errorMessage } from '../../../shared/errors';
import { QueryState } from '../../../shared/QueryState';
import { tableEmpty } from '../../../shared/TableEmpty';
import { CREATE_OPEN311_KEY_MUTATION, OPEN311_KEYS_QUERY, REVOKE_OPEN311_KEY_MUTATION } from './queries';
import type { Open311Key } from './types';

/** Open311 接口密钥 (admin): partners' API keys; the plain key is shown once at creation. */
export default function Open311KeysPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const { data, loading, error, refetch } = useQuery(OPEN311_KEYS_QUERY);
  const [create, { loading: saving }] = useMutation(CREATE_OPEN311_KEY_MUTATION, {
    refetchQueries: ['Open311Keys'],
  });
  const [revoke] = useMutation(REVOKE_OPEN311_KEY_MUTATION, { refetchQueries: ['Open311Keys'] });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setCreateError(null);
    try {
      const res = await create({ variables: { name: v.name.trim() } });
      const c = res.data?.createOpen311Key;
      setCreating(false);
      form.resetFields();
      if (c) setCreated({ key: c.key, name: c.record.name });
    } catch (e) {
      setCreateError(errorMessage(e));
    }
  };

  const doRevoke = async (k: Open311Key) => {
    try {
      await revoke({ variables: { id: k.id } });
      message.success(`已停用「${k.name}」的密钥`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card className="page-card" data-testid="open311-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          Open311 接口密钥
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setCreateError(null);
            setCreating(true);
          }}
          data-testid="open311-create"
        >
          新建密钥
        </Button>
      </div>
      <Typography.Paragraph type="secondary">
        合作方通过 Open311 接口（/open311/v2）提交诉求时使用这些密钥。密钥明文只在新建时显示一次，系统只保存前缀用于辨认。
      </Typography.Paragraph>
      <QueryState loading={loading && !data} error={data ? undefined : error} onRetry={() => void refetch()} testId="open311">
        <Table<Open311Key>
          rowKey="id"
          size="middle"
          dataSource={data?.open311Keys ?? []}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: tableEmpty('暂无密钥') }}
          onRow={(r) => ({ 'data-testid': `open311-row-${r.name}` }) as React.HTMLAttributes<HTMLElement>}
          data-testid="open311-table"
          columns={[
            { title: '合作方', dataIndex: 'name', ellipsis: true },
            { title: '密钥前缀', dataIndex: 'keyPrefix', width: 140, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
            { title: '创建时间', dataIndex: 'createdAt', width: 120, render: (v: string) => <DateTimeCell value={v} /> },
            { title: '最近使用', dataIndex: 'lastUsedAt', width: 120, render: (v?: string | null) => (v ? <DateTimeCell value={v} /> : '从未使用') },
            {
              title: '状态',
              key: 'state',
              width: 140,
              render: (_, r) =>
                r.revokedAt ? (
                  <Tag>
                    已停用 <DateTimeCell value={r.revokedAt} />
                  </Tag>
                ) : (
                  <Tag color="green">启用</Tag>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 90,
              render: (_, r) =>
                r.revokedAt ? null : (
                  <Popconfirm
                    title={`停用「${r.name}」的密钥？`}
                    description="停用后该合作方将无法再调用接口，且不能恢复。"
                    okText="停用"
                    cancelText="取消"
                    okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' }}
                    onConfirm={() => doRevoke(r)}
                  >
                    <Button danger size="small" data-testid={`open311-revoke-${r.name}`}>
                      停用
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </QueryState>
      <Modal
        open={creating}
        title="新建 Open311 密钥"
        okText="创建"
        cancelText="取消"
        onOk={submit}
        onCancel={() => setCreating(false)}
        confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'open311-create-submit' }}
        destroyOnHidden
      >
        {createError && <Alert type="error" showIcon message={createError} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="name" label="合作方名称" rules={[{ required: true, whitespace: true, message: '请输入合作方名称' }]}>
            <Input maxLength={100} placeholder="如：某某街道网格系统" data-testid="open311-name" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!created}
        title="密钥已创建"
        // the key is shown once: gone from the page as soon as the dialog closes
        destroyOnHidden
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="open311-key-done">
            我已保存密钥
          </Button>
        }
      >
        {created && (
          <div data-testid="open311-key-created">
            <Alert
              type="warning"
              showIcon
              message="请立即复制并安全地交给合作方"
              description="密钥明文只显示这一次，关闭后无法再次查看；遗失只能停用后重新创建。"
              style={{ marginBottom: 12 }}
            />
            <Typography.Paragraph>合作方：{created.name}</Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: created.key, tooltips: ['复制', '已复制'] }} code data-testid="open311-key-value">
              {created.key}
            </Typography.Paragraph>
          </div>
        )}
      </Modal>
    </Card>
  );
}
