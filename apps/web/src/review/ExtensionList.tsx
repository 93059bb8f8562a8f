import type { HTMLAttributes } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { ExtensionDecision } from '../case-handling/ExtensionDecision';
import type { ExtensionRequest } from '../case-handling/types';
import { DateTimeCell } from '../shared/DateTimeCell';
import { tableEmpty } from '../shared/TableEmpty';
import type { ReviewCase } from './ReviewList';

interface Row {
  key: string;
  c: ReviewCase;
  x: ExtensionRequest;
}

/** 延期审批: pending extension requests with approve / refuse (reason). */
export function ExtensionList({ cases, loading, onChanged }: { cases: ReviewCase[]; loading: boolean; onChanged(): void }) {
  const rows: Row[] = cases.flatMap((c) => c.extensions.filter((x) => x.status === 'pending').map((x) => ({ key: x.id, c, x })));
  const columns: TableColumnsType<Row> = [
    {
      title: '工单编号',
      key: 'no',
      width: 150,
      render: (_, r) => (
        <Link to={`/cases/${r.c.id}`} data-testid={`case-link-${r.c.externalNo}`}>
          {r.c.externalNo}
        </Link>
      ),
    },
    { title: '标题', key: 'title', ellipsis: true, render: (_, r) => r.c.title },
    { title: '申请科室', key: 'dept', width: 110, render: (_, r) => r.x.department?.name ?? '—' },
    { title: '原时限', key: 'cur', width: 110, render: (_, r) => <DateTimeCell value={r.x.currentDeadlineAt} /> },
    { title: '申请延至', key: 'until', width: 110, render: (_, r) => <DateTimeCell value={r.x.requestedUntil} /> },
    { title: '延期理由', key: 'reason', ellipsis: true, render: (_, r) => r.x.reason },
    { title: '申请时间', key: 'at', width: 110, render: (_, r) => <DateTimeCell value={r.x.requestedAt} /> },
    {
      title: '审批',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, r) => <ExtensionDecision extension={r.x} externalNo={r.c.externalNo} expectedVersion={r.c.handling?.version} onChanged={onChanged} />,
    },
  ];
  return (
    <Table<Row>
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 件` }}
      scroll={{ x: 1100 }}
      onRow={(r) => ({ 'data-testid': `extension-row-${r.c.externalNo}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: tableEmpty('暂无待审批的延期申请') }}
    />
  );
}
