import type { HTMLAttributes, ReactNode } from 'react';
import { Space, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { label, REQUEST_TYPE_LABELS } from './labels';
import { UrgencyTag } from './tags';
import { DateTimeCell } from './DateTimeCell';
import type { CaseSummary } from './types';

/** The least room the 标题 column gets in a case list (the other columns have fixed widths). */
export const TITLE_MIN_WIDTH = 240;

interface CaseColumnOptions<T> {
  /** Show 收到时间 (default true). */
  receivedAt?: boolean;
  /**
   * Narrow layout for wide lists (科室工作台, 待分转): 诉求类型 and 主题 share one column and the
   * fixed columns are tighter, so that 标题 keeps TITLE_MIN_WIDTH at 1366 px without scrolling.
   */
  compact?: boolean;
  /** Extra marks under the 工单编号 (e.g. 「已退回 2 次」). */
  numberExtra?: (record: T) => ReactNode;
}

/** Columns every case list shows: 工单编号, 标题, 诉求类型, 主题, 紧急程度, 收到时间. */
export function baseCaseColumns<T extends CaseSummary>({ receivedAt = true, compact = false, numberExtra }: CaseColumnOptions<T> = {}): TableColumnsType<T> {
  const numberColumn: TableColumnsType<T>[number] = {
    title: '工单编号',
    dataIndex: 'externalNo',
    width: compact ? 136 : 150,
    render: (value: string, record) => {
      const link = (
        <Link to={`/cases/${record.id}`} data-testid={`case-link-${value}`}>
          {value}
        </Link>
      );
      const extra = numberExtra?.(record);
      return extra ? (
        <Space direction="vertical" size={2}>
          {link}
          {extra}
        </Space>
      ) : (
        link
      );
    },
  };
  const titleColumn: TableColumnsType<T>[number] = { title: '标题', dataIndex: 'title', ellipsis: true, minWidth: TITLE_MIN_WIDTH };
  const typeColumns: TableColumnsType<T> = compact
    ? [
        {
          title: '类型 / 主题',
          key: 'typeTopic',
          width: 100,
          ellipsis: true,
          render: (_, record) => (
            <Space direction="vertical" size={0} style={{ maxWidth: '100%' }}>
              <span>{label(REQUEST_TYPE_LABELS, record.requestType)}</span>
              <Typography.Text type="secondary" ellipsis={{ tooltip: record.topic }} style={{ fontSize: 12, maxWidth: 84 }}>
                {record.topic}
              </Typography.Text>
            </Space>
          ),
        },
      ]
    : [
        {
          title: '诉求类型',
          dataIndex: 'requestType',
          width: 80,
          render: (value: string) => label(REQUEST_TYPE_LABELS, value),
        },
        { title: '主题', dataIndex: 'topic', width: 100, ellipsis: true },
      ];
  const columns: TableColumnsType<T> = [
    numberColumn,
    titleColumn,
    ...typeColumns,
    {
      title: '紧急程度',
      dataIndex: 'urgency',
      width: compact ? 72 : 80,
      render: (value: string) => <UrgencyTag urgency={value} />,
    },
    {
      title: '收到时间',
      dataIndex: 'receivedAt',
      width: compact ? 100 : 110,
      render: (value: string) => <DateTimeCell value={value} />,
      sorter: (a, b) => new Date(a.receivedAt).getTime() - new Date(b.receivedAt).getTime(),
    },
  ];
  return receivedAt ? columns : columns.filter((c) => c.title !== '收到时间');
}

/**
 * The table width (`scroll.x`) at which every fixed-width column and TITLE_MIN_WIDTH for the
 * flexible ones fit: below it the table scrolls, above it 标题 takes the rest.
 */
export function caseTableScrollX<T>(columns: TableColumnsType<T>, extra = 0): number {
  return columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : (c.minWidth ?? TITLE_MIN_WIDTH)), extra);
}

/** Row attributes that let browser tests find a case's row by its number. */
export function caseRowProps(record: CaseSummary): HTMLAttributes<HTMLElement> {
  return { 'data-testid': `case-row-${record.externalNo}`, 'data-case-id': record.id } as HTMLAttributes<HTMLElement>;
}
