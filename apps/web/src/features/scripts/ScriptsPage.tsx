import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { actionErrorMessage } from '../dispatch/handling/useCaseAction';
import { DateTimeCell } from '../../shared/DateTimeCell';
import { confirmAction } from '../../shared/confirm';
import { QueryState } from '../../shared/QueryState';
import { tableEmpty } from '../../shared/TableEmpty';
import { APPROVE_REPLY_SCRIPT, CREATE_REPLY_SCRIPT, PUBLISH_REPLY_SCRIPT, REPLY_SCRIPTS_QUERY, RETIRE_REPLY_SCRIPT, REVISE_REPLY_SCRIPT } from './queries';
import { pendingVersion, SCOPE_KEY_LABELS, SCOPE_LABELS, statusColor, type ReplyScript, type ReplyScriptVersion, type ScriptScope } from './types';

interface Draft {
  scope: ScriptScope;
  scopeKey: string;
  title: string;
  text: string;
}

/** 新建 / 修订 dialog: a new script (scope, key) or a new version of one (title, text). */
function ScriptModal({ revising, onClose }: { revising: ReplyScript | null | 'new'; onClose(): void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Draft>();
  const [error, setError] = useState<string | null>(null);
  const [create, c] = useMutation(CREATE_REPLY_SCRIPT, { refetchQueries: [REPLY_SCRIPTS_QUERY] });
  const [revise, r] = useMutation(REVISE_REPLY_SCRIPT, { refetchQueries: [REPLY_SCRIPTS_QUERY] });
  const scope = Form.useWatch('scope', form) ?? 'topic';
  const isNew = revising === 'new';
  const current = isNew || !revising ? null : revising.versions[0];
  const submit = async (v: Draft) => {
    setError(null);
    try {
      if (isNew) await create({ variables: { input: { scope: v.scope, scopeKey: v.scopeKey.trim(), title: v.title.trim(), text: v.text.trim() } } });
      else if (revising) await revise({ variables: { input: { scriptId: revising.id, title: v.title.trim(), text: v.text.trim() } } });
      message.success(isNew ? '口径草稿已保存，待审核' : '新版本草稿已保存，待审核');
      onClose();
    } catch (e) {
      setError(actionErrorMessage(e));
    }
  };
  return (
    <Modal
      open={!!revising}
      title={isNew ? '新建答复口径' : '修订答复口径'}
      onCancel={onClose}
      okText="保存草稿"
      onOk={() => form.submit()}
      confirmLoading={c.loading || r.loading}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="script-error" />}
      <Form<Draft> form={form} layout="vertical" onFinish={submit} initialValues={{ scope: 'topic', title: current?.title, text: current?.text }}>
        {isNew && (
          <>
            <Form.Item name="scope" label="适用范围" rules={[{ required: true }]}>
              <Select options={(Object.keys(SCOPE_LABELS) as ScriptScope[]).map((s) => ({ value: s, label: SCOPE_LABELS[s] }))} data-testid="script-scope" />
            </Form.Item>
            <Form.Item
              name="scopeKey"
              label={SCOPE_KEY_LABELS[scope as ScriptScope]}
              rules={[{ required: true, whitespace: true, message: `请填写${SCOPE_KEY_LABELS[scope as ScriptScope]}` }]}
            >
              <Input maxLength={100} data-testid="script-scope-key" />
            </Form.Item>
          </>
        )}
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, min: 2, message: '标题至少 2 个字' }]}>
          <Input maxLength={100} data-testid="script-title" />
        </Form.Item>
        <Form.Item name="text" label="口径内容" rules={[{ required: true, whitespace: true, min: 5, message: '口径内容至少 5 个字' }]}>
          <Input.TextArea rows={6} maxLength={2000} showCount data-testid="script-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 答复口径 (supervisor; leader, duty and admin read): scripts by scope, their versions, approval, publication and use. */
export default function ScriptsPage() {
  const user = useCurrentUser();
  const canEdit = user.role === 'supervisor';
  const { message, modal } = App.useApp();
  const [scope, setScope] = useState<ScriptScope>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<ReplyScript | null | 'new'>(null);
  const q = useQuery(REPLY_SCRIPTS_QUERY, {
    variables: { scope: scope ?? null, offset: (page - 1) * pageSize, limit: pageSize },
    fetchPolicy: 'cache-and-network',
  });
  const [approve] = useMutation(APPROVE_REPLY_SCRIPT);
  const [publish] = useMutation(PUBLISH_REPLY_SCRIPT);
  const [retire] = useMutation(RETIRE_REPLY_SCRIPT);
  const run = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
      message.success(what);
    } catch (e) {
      message.error(actionErrorMessage(e));
    }
  };
  const step = (s: ReplyScript, v: ReplyScriptVersion) =>
    v.status === 'draft' ? (
      <Button
        size="small"
        onClick={() => void run('已审核通过', () => approve({ variables: { input: { scriptId: s.id, version: v.version } } }))}
        data-testid={`script-approve-${s.id}`}
      >
        审核通过
      </Button>
    ) : (
      <Button
        size="small"
        type="primary"
        onClick={async () => {
          const ok = await confirmAction(modal, {
            title: `发布「${v.title}」第 ${v.version} 版？`,
            content: s.publishedVersion ? `当前发布的第 ${s.publishedVersion} 版将停用。` : '发布后科室答复时即可采用。',
            okText: '发布',
          });
          if (ok) await run('已发布', () => publish({ variables: { input: { scriptId: s.id, version: v.version } } }));
        }}
        data-testid={`script-publish-${s.id}`}
      >
        发布
      </Button>
    );

  const columns: TableColumnsType<ReplyScript> = [
    { title: '标题', dataIndex: 'title', ellipsis: true },
    {
      title: '适用范围',
      key: 'scope',
      width: 220,
      render: (_, s) => (
        <span>
          {s.scopeLabel}：{s.scopeKey}
        </span>
      ),
    },
    {
      title: '当前发布',
      key: 'pub',
      width: 100,
      render: (_, s) => (s.publishedVersion ? <Tag color="green">第 {s.publishedVersion} 版</Tag> : <Tag>未发布</Tag>),
    },
    { title: '采用次数', dataIndex: 'uses', width: 90 },
    { title: '新建时间', key: 'at', width: 140, render: (_, s) => <DateTimeCell value={s.createdAt} /> },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 220,
            render: (_: unknown, s: ReplyScript) => {
              const p = pendingVersion(s);
              return (
                <Space size="small" wrap>
                  {p && step(s, p)}
                  {!p && (
                    <Button size="small" onClick={() => setEditing(s)} data-testid={`script-revise-${s.id}`}>
                      修订
                    </Button>
                  )}
                  {s.publishedVersion && (
                    <Button
                      size="small"
                      danger
                      onClick={async () => {
                        if (await confirmAction(modal, { title: '停用该口径？', content: '停用后科室答复不能再采用该口径。', okText: '停用', danger: true }))
                          await run('已停用', () => retire({ variables: { scriptId: s.id } }));
                      }}
                      data-testid={`script-retire-${s.id}`}
                    >
                      停用
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]
      : []),
  ];

  const versions = (s: ReplyScript) => (
    <Table<ReplyScriptVersion>
      rowKey="version"
      size="small"
      pagination={false}
      dataSource={s.versions}
      columns={[
        { title: '版本', dataIndex: 'version', width: 70, render: (n: number) => `第 ${n} 版` },
        { title: '状态', key: 'status', width: 90, render: (_, v) => <Tag color={statusColor(v.status)}>{v.statusLabel}</Tag> },
        {
          title: '内容',
          key: 'text',
          render: (_, v) => (
            <>
              <Typography.Text strong>{v.title}</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{v.text}</div>
            </>
          ),
        },
        { title: '采用', dataIndex: 'uses', width: 70, render: (n: number) => `${n} 次` },
        { title: '发布时间', key: 'pub', width: 140, render: (_, v) => <DateTimeCell value={v.publishedAt ?? null} /> },
      ]}
    />
  );

  return (
    <Card className="page-card" data-testid="scripts-page" data-loaded={q.data ? 'true' : 'false'}>
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          答复口径
        </Typography.Title>
        <Space wrap>
          <Select
            allowClear
            placeholder="全部范围"
            style={{ width: 140 }}
            value={scope}
            onChange={(v) => {
              setScope(v);
              setPage(1);
            }}
            options={(Object.keys(SCOPE_LABELS) as ScriptScope[]).map((s) => ({ value: s, label: SCOPE_LABELS[s] }))}
            data-testid="scripts-scope"
          />
          <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()}>
            刷新
          </Button>
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="script-new">
              新建口径
            </Button>
          )}
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        口径经督办员审核通过后方可发布；科室答复时系统按“聚类 &gt; 项目 &gt; 问题类型”提供最具体的已发布口径，并统计各版本的采用次数。
      </Typography.Paragraph>
      <QueryState loading={q.loading && !q.data} error={q.data ? undefined : q.error} onRetry={() => void q.refetch()} testId="scripts">
        <Table<ReplyScript>
          rowKey="id"
          columns={columns}
          dataSource={q.data?.replyScripts.items ?? []}
          expandable={{ expandedRowRender: versions }}
          locale={{ emptyText: tableEmpty('还没有答复口径') }}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.replyScripts.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          data-testid="scripts-table"
        />
      </QueryState>
      <ScriptModal revising={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
