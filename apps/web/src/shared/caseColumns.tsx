import type { HTMLAttributes } from 'react';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { label, REQUEST_TYPE_LABELS } from './labels';
import { UrgencyTag } from './tags';
import { DateTimeCell } from './DateTimeCell';
import type { CaseSummary } from './types';

/** Columns every case list shows: 工单编号, 标题, 诉求类型, 主题, 紧急程度, 收到时间. */
export function baseCaseColumns<T extends CaseSummary>({ receivedAt = true } = {}): TableColumnsType<T> {
  const columns: TableColumnsType<T> = [
    {
      title: '工单编号',
      dataIndex: 'externalNo',
      width: 150,
      render: (value: string, record) => (
        <Link to={`/cases/${record.id}`} data-testid={`case-link-${value}`}>
          {value}
        </Link>
      ),
    },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    {
      title: '诉求类型',
      dataIndex: 'requestType',
      width: 80,
      render: (value: string) => label(REQUEST_TYPE_LABELS, value),
    },
    { title: '主题', dataIndex: 'topic', width: 100, ellipsis: true },
    {
      title: '紧急程度',
      dataIndex: 'urgency',
      width: 80,
      render: (value: string) => <UrgencyTag urgency={value} />,
    },
    {
      title: '收到时间',
      dataIndex: 'receivedAt',
      width: 110,
      render: (value: string) => <DateTimeCell value={value} />,
      sorter: (a, b) => new Date(a.receivedAt).getTime() - new Date(b.receivedAt).getTime(),
    },
  ];
  return receivedAt ? columns : columns.filter((c) => c.title !== '收到时间');
}

/** Row attributes that let browser tests find a case's row by its number. */
export function caseRowProps(record: CaseSummary): HTMLAttributes<HTMLElement> {
  return { 'data-testid': `case-row-${record.externalNo}`, 'data-case-id': record.id } as HTMLAttributes<HTMLElement>;
}
