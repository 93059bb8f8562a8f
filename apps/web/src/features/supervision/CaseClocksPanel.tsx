import { useState } from 'react';
import { Button, Card, Empty, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { DateTimeCell } from '../../shared/DateTimeCell';
import { formatDateTime } from '../../shared/time';
import { ClockShare, ClockStateTag } from './ClockBits';
import { URGE_RECIPIENT_LABELS } from './labels';
import { CASE_CLOCKS_QUERY } from './queries';
import type { CaseClock } from './types';
import { UrgeModal } from './UrgeModal';

/** 时限与催办 on the case page: every clock of the case (not just the nearest) and every 催办. */
export function CaseClocksPanel({ caseId, externalNo }: { caseId: string; externalNo: string }) {
  const user = useCurrentUser();
  const [urging, setUrging] = useState(false);
  const { data, refetch } = useQuery(CASE_CLOCKS_QUERY, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
    pollInterval: 30_000,
  });
  const clocks = data?.case?.clocks ?? [];
  const urges = data?.case?.urges ?? [];
  const open = clocks.filter((c) => c.state !== 'stopped');

  const columns: TableColumnsType<CaseClock> = [
    { title: '时钟', dataIndex: 'kindLabel', width: 110 },
    { title: '状态', key: 'state', width: 100, render: (_, c) => <ClockStateTag c={c} /> },
    { title: '开始', key: 'start', width: 110, render: (_, c) => <DateTimeCell value={c.startedAt} /> },
    {
      title: '到期',
      key: 'due',
      width: 110,
      render: (_, c) => (c.blockedReason ? <Typography.Text type="danger">工作日历未导入</Typography.Text> : <DateTimeCell value={c.dueAt} />),
    },
    { title: '已用时限', key: 'share', width: 140, render: (_, c) => <ClockShare c={c} /> },
    {
      title: '暂停',
      key: 'paused',
      width: 90,
      render: (_, c) => (c.pausedAt ? <Tag>暂停中</Tag> : c.pausedMinutes > 0 ? `${Math.round(c.pausedMinutes)} 分钟` : '—'),
    },
    {
      title: '预警 / 超期',
      key: 'marks',
      width: 130,
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <span>{c.warnedAt ? `预警 ${Math.round((c.warnedShare ?? 0) * 100)}% · ${formatDateTime(c.warnedAt).slice(5)}` : '—'}</span>
          {c.breachedAt && <Typography.Text type="danger">超期 {formatDateTime(c.breachedAt).slice(5)}</Typography.Text>}
        </Space>
      ),
    },
    { title: '依据', key: 'def', width: 120, render: (_, c) => <span title={c.definitionKey}>规则 v{c.definitionVersion}</span> },
  ];

  return (
    <Card
      size="small"
      title="时限与催办"
      style={{ marginTop: 16 }}
      data-testid="case-clocks"
      extra={
        user.role === 'supervisor' && open.length > 0 && open.some((c) => c.department) ? (
          <Button size="small" onClick={() => setUrging(true)} data-testid="case-urge">
            催办
          </Button>
        ) : null
      }
    >
      {clocks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无时钟" />
      ) : (
        <Table<CaseClock>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={clocks}
          scroll={{ x: 900 }}
          data-testid="case-clocks-table"
        />
      )}
      {urges.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>催办记录</Typography.Text>}
          dataSource={urges}
          data-testid="case-urges"
          renderItem={(u) => (
            <List.Item>
              <Space wrap>
                <Tag color={u.level === 'manual' ? 'blue' : u.level === 'reminder' ? 'orange' : 'red'}>{u.levelLabel}</Tag>
                <span>{formatDateTime(u.at)}</span>
                <span>
                  → {u.recipients.map((r) => URGE_RECIPIENT_LABELS[r] ?? r).join('、')}
                  {u.department ? `（${u.department.name}）` : ''}
                </span>
                {u.by && <span>督办员：{u.by.displayName}</span>}
                {u.note && <Typography.Text type="secondary">{u.note}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
      {urging && (
        <UrgeModal
          open
          caseId={caseId}
          externalNo={externalNo}
          onClose={() => setUrging(false)}
          onDone={() => {
            setUrging(false);
            void refetch();
          }}
        />
      )}
    </Card>
  );
}
