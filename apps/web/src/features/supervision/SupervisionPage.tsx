import { useState } from 'react';
import { Badge, Button, Card, Select, Space, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/AuthContext';
import { DateTimeCell } from '../../shared/DateTimeCell';
import { DEPARTMENTS_QUERY } from '../../shared/fragments';
import { QueryState } from '../../shared/QueryState';
import { tableEmpty } from '../../shared/TableEmpty';
import { ClockShare, ClockStateTag } from './ClockBits';
import { CLOCK_KIND_LABELS } from './labels';
import { CLOCK_QUEUE_QUERY } from './queries';
import type { QueueItem } from './types';
import { UrgeModal } from './UrgeModal';

const POLL_MS = 30_000;
type Filter = 'AT_RISK' | 'OVERDUE';

function useQueue(filter: Filter, page: number, pageSize: number, departmentId: string | undefined, kind: string | undefined) {
  return useQuery(CLOCK_QUEUE_QUERY, {
    variables: { filter, departmentId: departmentId ?? null, kind: kind ?? null, offset: (page - 1) * pageSize, limit: pageSize },
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
}

/** 督办 (supervisor, leader): what is at risk and what is overdue, paged on the server, with 催办. */
export default function SupervisionPage() {
  const user = useCurrentUser();
  const canUrge = user.role === 'supervisor';
  const [tab, setTab] = useState<Filter>('OVERDUE');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [departmentId, setDepartmentId] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [urging, setUrging] = useState<QueueItem | null>(null);
  const departments = useQuery(DEPARTMENTS_QUERY);
  const current = useQueue(tab, page, pageSize, departmentId, kind);
  // The other tab's count for its badge (first row only).
  const other = useQueue(tab === 'OVERDUE' ? 'AT_RISK' : 'OVERDUE', 1, 1, departmentId, kind);
  const totals = { [tab]: current.data?.clockQueue.total, [tab === 'OVERDUE' ? 'AT_RISK' : 'OVERDUE']: other.data?.clockQueue.total } as Record<
    Filter,
    number | undefined
  >;
  const refresh = () => {
    void current.refetch();
    void other.refetch();
  };

  const columns: TableColumnsType<QueueItem> = [
    {
      title: '工单编号',
      key: 'no',
      width: 150,
      render: (_, r) => (
        <Link to={`/cases/${r.case.id}`} data-testid={`queue-case-${r.externalNo}`}>
          {r.externalNo}
        </Link>
      ),
    },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '时钟', key: 'kind', width: 120, render: (_, r) => r.clock.kindLabel },
    { title: '责任科室', key: 'dept', width: 120, render: (_, r) => r.clock.department?.name ?? '值守' },
    { title: '到期时间', key: 'due', width: 120, render: (_, r) => <DateTimeCell value={r.clock.dueAt} /> },
    { title: '已用时限', key: 'share', width: 150, render: (_, r) => <ClockShare c={r.clock} /> },
    { title: '状态', key: 'state', width: 100, render: (_, r) => <ClockStateTag c={r.clock} /> },
    { title: '已催办', dataIndex: 'urgeCount', width: 80, render: (n: number) => `${n} 次` },
    ...(canUrge
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, r: QueueItem) => (
              <Button
                size="small"
                type="primary"
                ghost
                disabled={!r.clock.department}
                title={r.clock.department ? undefined : '尚未分转到科室'}
                onClick={() => setUrging(r)}
                data-testid={`urge-${r.externalNo}`}
              >
                催办
              </Button>
            ),
          },
        ]
      : []),
  ];

  const table = (
    <QueryState
      loading={current.loading && !current.data}
      error={current.data ? undefined : current.error}
      onRetry={() => void current.refetch()}
      testId="clock-queue"
    >
      <Table<QueueItem>
        rowKey={(r) => r.clock.id}
        size="middle"
        columns={columns}
        dataSource={current.data?.clockQueue.items ?? []}
        loading={current.loading && !!current.data}
        locale={{ emptyText: tableEmpty(tab === 'OVERDUE' ? '没有超期的工单' : '没有即将超期的工单') }}
        pagination={{
          current: page,
          pageSize,
          total: current.data?.clockQueue.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        data-testid="clock-queue-table"
      />
    </QueryState>
  );

  return (
    <Card className="page-card" data-testid="supervision-page" data-loaded={current.data ? 'true' : 'false'}>
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          督办
        </Typography.Title>
        <Space wrap>
          <Select
            allowClear
            placeholder="全部科室"
            style={{ width: 150 }}
            value={departmentId}
            onChange={(v) => {
              setDepartmentId(v);
              setPage(1);
            }}
            options={(departments.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            data-testid="queue-department"
          />
          <Select
            allowClear
            placeholder="全部时钟"
            style={{ width: 140 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={Object.entries(CLOCK_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            data-testid="queue-kind"
          />
          <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="supervision-refresh">
            刷新
          </Button>
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as Filter);
          setPage(1);
        }}
        items={[
          {
            key: 'OVERDUE',
            label: (
              <span data-testid="tab-overdue">
                已超期 <Badge count={totals.OVERDUE ?? 0} showZero overflowCount={9999} color="#cf1322" />
              </span>
            ),
            children: tab === 'OVERDUE' ? table : null,
          },
          {
            key: 'AT_RISK',
            label: (
              <span data-testid="tab-at-risk">
                即将超期 <Badge count={totals.AT_RISK ?? 0} showZero overflowCount={9999} color="#fa8c16" />
              </span>
            ),
            children: tab === 'AT_RISK' ? table : null,
          },
        ]}
      />
      {urging && (
        <UrgeModal
          open
          caseId={urging.case.id}
          externalNo={urging.externalNo}
          clockKind={urging.clock.kind}
          onClose={() => setUrging(null)}
          onDone={() => {
            setUrging(null);
            refresh();
          }}
        />
      )}
    </Card>
  );
}
