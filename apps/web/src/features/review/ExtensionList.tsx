import type { HTMLAttributes } from 'react';
import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { ExtensionDecision } from '../dispatch/handling/ExtensionDecision';
import type { ExtensionRequest } from '../dispatch/handling/types';
import { DateTimeCell } from '../../shared/DateTimeCell';
import { tableEmpty } from '../../shared/TableEmpty';

/** A pending request as dispatch's 延期审批 queue lists it, with its case. */
export type PendingExtension = ExtensionRequest & { case: { id: string; externalNo: string; title: string; handling?: { version: number } | null } };

interface Props {
  items: PendingExtension[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage(page: number): void;
  onChanged(): void;
}

/** 延期审批: pending extension requests with approve / refuse (reason), paged on the server. */
export function ExtensionList({ items, total, page, pageSize, loading, onPage, onChanged }: Props) {
  const columns: TableColumnsType<PendingExtension> = [
    {
      title: '工单编号',
      key: 'no',
      width: 150,
      render: (_, x) => (
        <Link to={`/cases/${x.case.id}`} data-testid={`case-link-${x.case.externalNo}`}>
          {x.case.externalNo}
        </Link>
      ),
    },
    { title: '标题', key: 'title', ellipsis: true, render: (_, x) => x.case.title },
    { title: '申请科室', key: 'dept', width: 110, render: (_, x) => x.department?.name ?? '—' },
    { title: '原时限', key: 'cur', width: 110, render: (_, x) => <DateTimeCell value={x.currentDeadlineAt} /> },
    { title: '申请延至', key: 'until', width: 110, render: (_, x) => <DateTimeCell value={x.requestedUntil} /> },
    { title: '延期理由', key: 'reason', ellipsis: true, render: (_, x) => x.reason },
    { title: '申请时间', key: 'at', width: 110, render: (_, x) => <DateTimeCell value={x.requestedAt} /> },
    {
      title: '审批',
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, x) => <ExtensionDecision extension={x} externalNo={x.case.externalNo} expectedVersion={x.case.handling?.version} onChanged={onChanged} />,
    },
  ];
  return (
    <Table<PendingExtension>
      size="middle"
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={{ current: page, pageSize, total, showSizeChanger: false, showTotal: (n) => `共 ${n} 件`, onChange: onPage }}
      scroll={{ x: 1100 }}
      onRow={(x) => ({ 'data-testid': `extension-row-${x.case.externalNo}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: tableEmpty('暂无待审批的延期申请') }}
    />
  );
}
