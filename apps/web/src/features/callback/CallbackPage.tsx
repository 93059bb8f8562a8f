import { useState } from 'react';
import { App, Button, Card, Input, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/AuthContext';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from '../../shared/time';
import { AssignAgentSelect } from './AssignAgentSelect';
import { CallScreen } from './CallScreen';
import { callbackError } from './errors';
import { ImportOfficialButton } from './ImportOfficialButton';
import { TASK_STATUS_LABELS } from './labels';
import { ASSIGN_TASK_MUTATION, CALLBACK_QUEUE_QUERY } from './queries';
import { SecondSupervisionList } from './SecondSupervisionList';
import type { CallbackTask } from './types';

const PAGE_SIZE = 20;
type View = 'mine' | 'unassigned' | 'all';

function Queue({ view, onOpen, externalNo }: { view: View; onOpen(t: CallbackTask): void; externalNo: string }) {
  const { message } = App.useApp();
  const canAssign = useCurrentUser().role !== 'callback';
  const [page, setPage] = useState(1);
  const q = useQuery(CALLBACK_QUEUE_QUERY, {
    variables: { view, page, pageSize: PAGE_SIZE, externalNo: externalNo || null },
    fetchPolicy: 'cache-and-network',
    pollInterval: 30_000,
  });
  const [assign, assigning] = useMutation(ASSIGN_TASK_MUTATION, { refetchQueries: 'active' });
  const claim = async (t: CallbackTask) => {
    try {
      await assign({ variables: { taskId: t.id } });
      message.success(`已领取 ${t.externalNo}`);
    } catch (e) {
      message.error(callbackError(e));
    }
  };
  const now = Date.now();
  const columns: TableColumnsType<CallbackTask> = [
    { title: '工单编号', dataIndex: 'externalNo', render: (v: string, t) => <Link to={`/cases/${t.case.id}`}>{v}</Link> },
    { title: '标题', render: (_, t) => t.case.title ?? '—' },
    { title: '电话', render: (_, t) => t.case.citizenPhone ?? '—' },
    { title: '主办科室', render: (_, t) => t.department?.name ?? '—' },
    { title: '轮次', dataIndex: 'round', render: (r: number) => (r > 1 ? <Tag color="volcano">第 {r} 轮</Tag> : '第 1 轮') },
    {
      title: '回访时限',
      dataIndex: 'dueAt',
      render: (v: string) => <span style={{ color: Date.parse(v) < now ? '#cf1322' : undefined }}>{formatDateTime(v)}</span>,
    },
    { title: '已呼叫', dataIndex: 'attempts', render: (n: number, t) => `${n} 次${t.nextAttemptAt ? `，下次 ${formatDateTime(t.nextAttemptAt)}` : ''}` },
    { title: '回访员', render: (_, t) => t.assignee?.displayName ?? <Tag>未领取</Tag> },
    { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={TASK_STATUS_LABELS[s]?.color}>{TASK_STATUS_LABELS[s]?.text ?? s}</Tag> },
    {
      title: '操作',
      render: (_, t) => (
        <Space>
          {canAssign && t.status === 'open' && <AssignAgentSelect task={t} />}
          {!canAssign && !t.assignee && (
            <Button size="small" loading={assigning.loading} onClick={() => void claim(t)} data-testid={`claim-${t.externalNo}`}>
              领取
            </Button>
          )}
          <Button size="small" type={t.heldByMe ? 'primary' : 'default'} onClick={() => onOpen(t)} data-testid={`open-${t.externalNo}`}>
            {t.heldByMe ? '回访' : '查看'}
          </Button>
        </Space>
      ),
    },
  ];
  const data = q.data?.callbackQueue;
  return (
    <QueryState loading={q.loading && !data} error={data ? undefined : q.error} onRetry={() => void q.refetch()} testId={`callback-queue-${view}`}>
      <Table<CallbackTask>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '暂无待回访工单' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, showTotal: (n) => `共 ${n} 件`, onChange: setPage }}
        data-testid={`callback-queue-${view}`}
      />
    </QueryState>
  );
}

/** 回访 (回访员, supervisor): the queue by due time, the call screen; supervisors also see 二次督办. */
export default function CallbackPage() {
  const user = useCurrentUser();
  const isAgent = user.role === 'callback';
  const [tab, setTab] = useState<string>(isAgent ? 'mine' : 'all');
  const [open, setOpen] = useState<CallbackTask | null>(null);
  const [version, setVersion] = useState(0);
  const [externalNo, setExternalNo] = useState('');
  const items = [
    ...(isAgent
      ? [
          { key: 'mine', label: '我的回访' },
          { key: 'unassigned', label: '未领取' },
        ]
      : []),
    { key: 'all', label: '全部待回访' },
    ...(user.role === 'supervisor' ? [{ key: 'supervision', label: '二次督办' }] : []),
  ];
  return (
    <Card className="page-card" data-testid="callback-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          回访
        </Typography.Title>
        <Space>
          <Input.Search
            allowClear
            placeholder="按工单编号查找"
            style={{ width: 220 }}
            onSearch={(v) => setExternalNo(v.trim())}
            data-testid="callback-search"
          />
          <ImportOfficialButton />
          <Button icon={<ReloadOutlined />} onClick={() => setVersion((v) => v + 1)} data-testid="callback-refresh">
            刷新
          </Button>
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={items.map((i) => ({
          key: i.key,
          label: i.label,
          children:
            i.key === 'supervision' ? (
              <SecondSupervisionList key={version} />
            ) : (
              <Queue key={`${i.key}-${version}-${externalNo}`} view={i.key as View} onOpen={setOpen} externalNo={externalNo} />
            ),
        }))}
      />
      <CallScreen task={open} onClose={() => setOpen(null)} onChanged={() => setVersion((v) => v + 1)} />
    </Card>
  );
}
