import type { HTMLAttributes } from 'react';
import { Table, type TableColumnsType } from 'antd';

import { formatMinutes, returnReasonLabel } from '../handling/labels';
import type { DepartmentReturnsQuery } from '../../../gql/graphql';

/** One 退回 of this department, as DEPARTMENT_RETURNS_QUERY returns it (generated type). */
type AssignmentRecord = DepartmentReturnsQuery['departmentReturns'][number];
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { tableEmpty } from '../../../shared/TableEmpty';

const columns: TableColumnsType<AssignmentRecord> = [
  { title: '工单编号', dataIndex: 'externalNo', width: 150, render: (v: string) => <span data-testid={`returned-${v}`}>{v}</span> },
  { title: '标题', dataIndex: 'title', ellipsis: true },
  { title: '退回时间', dataIndex: 'at', width: 110, render: (v: string) => <DateTimeCell value={v} /> },
  { title: '退回原因', dataIndex: 'reasonCode', width: 120, render: (v: string | null) => returnReasonLabel(v) },
  { title: '退回依据', dataIndex: 'reason', ellipsis: true },
  { title: '退回人', key: 'by', width: 100, render: (_, r) => r.by?.displayName ?? '—' },
  { title: '本科室持有', dataIndex: 'heldMinutes', width: 110, render: (m: number | null) => formatMinutes(m) },
];

/** 已退回: the cases this department gave back, with reason, basis and the time charged to it. */
export function ReturnsTable({ records, loading }: { records: AssignmentRecord[]; loading: boolean }) {
  return (
    <Table<AssignmentRecord>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={records}
      loading={loading}
      onRow={(r) => ({ 'data-testid': `return-row-${r.externalNo}` }) as HTMLAttributes<HTMLElement>}
      pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 件` }}
      scroll={{ x: 1000 }}
      locale={{ emptyText: tableEmpty('近期没有退回的工单') }}
    />
  );
}
