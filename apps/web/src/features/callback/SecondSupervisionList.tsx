import { useState } from 'react';
import { Segmented, Table, Tag } from 'antd';
import { useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from '../../shared/time';
import { SUPERVISION_OUTCOME_LABELS } from './labels';
import { SECOND_SUPERVISIONS_QUERY } from './queries';
import type { SecondSupervision } from './types';

/** 二次督办 list for the supervisor: open first by due time, paged on the server. */
export function SecondSupervisionList() {
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>('open');
  const [page, setPage] = useState(1);
  const q = useQuery(SECOND_SUPERVISIONS_QUERY, {
    variables: { status: status === 'all' ? null : status, page, pageSize: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const data = q.data?.secondSupervisions;
  return (
    <>
      <Segmented
        value={status}
        onChange={(v) => {
          setStatus(v as typeof status);
          setPage(1);
        }}
        style={{ marginBottom: 12 }}
        options={[
          { value: 'open', label: '督办中' },
          { value: 'closed', label: '已结束' },
          { value: 'all', label: '全部' },
        ]}
      />
      <QueryState loading={q.loading && !data} error={data ? undefined : q.error} onRetry={() => void q.refetch()} testId="second-supervisions">
        <Table<SecondSupervision>
          rowKey="id"
          size="small"
          dataSource={data?.items ?? []}
          locale={{ emptyText: '暂无二次督办' }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 件` }}
          columns={[
            { title: '工单编号', render: (_, s) => <Link to={`/cases/${s.case?.id}`}>{s.externalNo}</Link> },
            { title: '标题', render: (_, s) => s.case?.title ?? '—' },
            { title: '主办科室', render: (_, s) => s.department?.name ?? '—' },
            { title: '轮次', dataIndex: 'round', render: (r: number) => `第 ${r} 轮` },
            { title: '发起', dataIndex: 'trigger', render: (t: string) => (t === 'callback' ? '回访不满意' : '督办员发起') },
            { title: '重办说明', dataIndex: 'reason' },
            { title: '办理时限', dataIndex: 'dueAt', render: (v: string) => formatDateTime(v) },
            {
              title: '状态',
              render: (_, s) =>
                s.status === 'open' ? (
                  <Tag color="orange">督办中</Tag>
                ) : (
                  <Tag color={s.outcome === 'resolved' ? 'green' : 'red'}>{SUPERVISION_OUTCOME_LABELS[s.outcome ?? ''] ?? '已结束'}</Tag>
                ),
            },
          ]}
        />
      </QueryState>
    </>
  );
}
