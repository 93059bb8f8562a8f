import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { errorMessage } from '../../../shared/errors';
import { QueryState } from '../../../shared/QueryState';
import { tableEmpty } from '../../../shared/TableEmpty';
import { TOPICS_QUERY, UPSERT_TOPIC_MUTATION } from './queries';
import { topicTree, type Topic, type TopicNode } from './types';

interface Editing {
  topic: Partial<Topic>;
  isNew: boolean;
}

/** 主题分类: the multi-level topic taxonomy (its codes are the Open311 service codes). */
export function TopicsTable() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Topic>();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { data, loading, error: loadError, refetch } = useQuery(TOPICS_QUERY);
  const [upsert, { loading: saving }] = useMutation(UPSERT_TOPIC_MUTATION, { refetchQueries: ['Topics'] });
  const topics = data?.topics ?? [];

  const open = (topic: Partial<Topic>, isNew: boolean) => {
    setError(null);
    setEditing({ topic, isNew });
    form.setFieldsValue({ sort: 0, active: true, description: '', ...topic } as Topic);
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      await upsert({
        variables: {
          input: {
            code: v.code.trim(),
            name: v.name.trim(),
            parentCode: v.parentCode || null,
            sort: v.sort ?? 0,
            active: v.active,
            description: v.description?.trim() || null,
          },
        },
      });
      message.success(`主题「${v.name.trim()}」已保存`);
      setEditing(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const parentOptions = topics.filter((t) => t.code !== editing?.topic.code).map((t) => ({ value: t.code, label: `${t.name}（${t.code}）` }));

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => open({}, true)} data-testid="topic-new">
          新增一级主题
        </Button>
      </Space>
      <QueryState loading={loading && !data} error={data ? undefined : loadError} onRetry={() => void refetch()} testId="topics">
        <Table<TopicNode>
          rowKey="code"
          size="small"
          dataSource={topicTree(topics)}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          locale={{ emptyText: tableEmpty('暂无主题') }}
          data-testid="topics-table"
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '编码', dataIndex: 'code', width: 140 },
            { title: '排序', dataIndex: 'sort', width: 60 },
            { title: '状态', dataIndex: 'active', width: 70, render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
            { title: '说明', dataIndex: 'description', ellipsis: true, render: (v?: string | null) => v || '—' },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              render: (_, r) => (
                <Space size="small">
                  <Button type="link" size="small" onClick={() => open(r, false)} data-testid={`topic-edit-${r.code}`}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => open({ parentCode: r.code }, true)} data-testid={`topic-child-${r.code}`}>
                    新增下级
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      <Modal
        open={!!editing}
        title={editing?.isNew ? '新增主题' : `编辑主题 · ${editing?.topic.name ?? ''}`}
        okText="保存"
        cancelText="取消"
        onOk={submit}
        onCancel={() => setEditing(null)}
        confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'topic-submit' }}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form<Topic> form={form} layout="vertical">
          <Form.Item
            name="code"
            label="编码"
            extra="即 Open311 service_code，保存后不能修改"
            rules={[{ required: true, whitespace: true, message: '请输入编码' }]}
          >
            <Input maxLength={50} disabled={!editing?.isNew} data-testid="topic-code" />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
            <Input maxLength={50} data-testid="topic-name" />
          </Form.Item>
          <Form.Item name="parentCode" label="上级主题">
            <Select allowClear showSearch optionFilterProp="label" options={parentOptions} placeholder="无（一级主题）" />
          </Form.Item>
          <Space size="large">
            <Form.Item name="sort" label="排序">
              <InputNumber min={0} max={9999} />
            </Form.Item>
            <Form.Item name="active" label="启用" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="description" label="说明">
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
