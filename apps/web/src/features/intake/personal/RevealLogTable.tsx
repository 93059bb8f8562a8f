import { Table, Tag, type TableColumnsType } from 'antd';
import { useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { label, roleLabel } from '../../../shared/labels';
import { QueryState } from '../../../shared/QueryState';
import { tableEmpty } from '../../../shared/TableEmpty';
import { formatDateTimeSeconds } from '../../../shared/time';
import { REVEAL_LOG_QUERY } from './queries';
import { REVEAL_FIELD_LABELS, type RevealLogEntry } from './types';

interface Props {
  caseId?: string;
  limit?: number;
  /** Client-side filter on 工单编号 / 查看人 / 原因. */
  keyword?: string;
}

/** 个人信息查看记录: who saw which personal data of which case, when and why. */
export function RevealLogTable({ caseId, limit = 200, keyword }: Props) {
  const { data, loading, error, refetch } = useQuery(REVEAL_LOG_QUERY, {
    variables: { caseId: caseId ?? null, limit },
    fetchPolicy: 'cache-and-network',
  });
  const k = keyword?.trim();
  const rows = (data?.revealLog ?? []).filter(
    (r) => !k || r.externalNo.includes(k) || r.user.displayName.includes(k) || r.user.username.includes(k) || r.reason.includes(k),
  );

  const columns: TableColumnsType<RevealLogEntry> = [
    { title: '查看时间', dataIndex: 'revealedAt', width: 165, render: (v: string) => formatDateTimeSeconds(v) },
    {
      title: '工单编号',
      dataIndex: 'externalNo',
      width: 150,
      render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link>,
    },
    { title: '查看人', key: 'user', width: 130, render: (_, r) => `${r.user.displayName}（${r.user.username}）` },
    { title: '角色', dataIndex: 'role', width: 100, render: (v: string) => roleLabel(v) },
    {
      title: '查看内容',
      dataIndex: 'fields',
      width: 150,
      render: (v: string[]) => v.map((f) => <Tag key={f}>{label(REVEAL_FIELD_LABELS, f)}</Tag>),
    },
    { title: '原因', dataIndex: 'reason', ellipsis: true },
  ];
  if (caseId) columns.splice(1, 1);

  return (
    <QueryState loading={loading && !data} error={data ? undefined : error} onRetry={() => void refetch()} testId="reveal-log">
      <Table<RevealLogEntry>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        scroll={{ x: 800 }}
        locale={{ emptyText: tableEmpty('暂无查看记录') }}
        data-testid="reveal-log-table"
      />
    </QueryState>
  );
}
