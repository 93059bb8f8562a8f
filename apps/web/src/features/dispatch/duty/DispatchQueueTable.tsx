import { useState } from 'react';
import { Button, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { returnCountText } from '../handling/rules';
import { baseCaseColumns, caseRowProps, caseTableScrollX } from '../../../shared/caseColumns';
import { dispatchDueOf } from '../../../shared/countdown';
import { DispatchCountdown } from '../../../shared/DispatchCountdown';
import { tableEmpty } from '../../../shared/TableEmpty';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import type { CaseSummary } from '../../../shared/types';
import { DispatchModal } from './DispatchModal';
import { QueueToolbar, queuePagination } from './QueueToolbar';
import { QUEUE_PAGE_SIZE, type QueueView } from './queueView';

/** A case in 待分转; `handling.returnCount` > 0 when a department returned it before. */
type QueueCase = CaseSummary & { handling?: { version: number; returnCount?: number | null } | null };

interface Props {
  /** One page of the queue, as the server ordered (longest wait = nearest 30-minute limit, or urgency) and filtered it. */
  cases: QueueCase[];
  /** How many cases match (all pages). */
  total: number;
  view: QueueView;
  loading: boolean;
  /** A request for the current page / order / filter is on its way (the rows shown are the previous ones). */
  fetching: boolean;
  onDispatched(): void;
}

/** 待分转: signed cases with the live 30-minute countdown; dispatch one or several. */
export function DispatchQueueTable({ cases, total, view, loading, fetching, onDispatched }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const [dispatching, setDispatching] = useState<QueueCase[]>([]);

  const returnedTag = (c: QueueCase) => {
    const text = returnCountText(c.handling?.returnCount);
    return text ? (
      <Tooltip title="曾被承办科室退回，分转时请留意退回原因（见工单详情的分派记录）">
        <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid={`returned-count-${c.externalNo}`}>
          {text}
        </Tag>
      </Tooltip>
    ) : null;
  };

  const columns: TableColumnsType<QueueCase> = [
    ...baseCaseColumns<QueueCase>({ compact: true, numberExtra: returnedTag }),
    {
      title: '签收时间',
      dataIndex: 'signedAt',
      width: 110,
      render: (value: string | null) => <DateTimeCell value={value} />,
    },
    {
      title: '分转时限',
      key: 'dispatchDueAt',
      width: 150,
      render: (_, c) => <DispatchCountdown dueAt={dispatchDueOf(c)} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, record) => (
        <Button type="primary" size="small" onClick={() => setDispatching([record])} data-testid={`dispatch-${record.externalNo}`}>
          分转
        </Button>
      ),
    },
  ];

  const openBulk = () => setDispatching(cases.filter((c) => selected.includes(c.id)));

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={selected.length === 0} onClick={openBulk} data-testid="bulk-dispatch">
          批量分转{selected.length > 0 ? `（${selected.length}）` : ''}
        </Button>
        <QueueToolbar view={view} testId="dispatch" />
      </Space>
      <Table<QueueCase>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={cases}
        loading={loading}
        onRow={caseRowProps}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        pagination={queuePagination(view, total, QUEUE_PAGE_SIZE)}
        scroll={{ x: caseTableScrollX(columns, 32) }}
        locale={{ emptyText: tableEmpty('暂无待分转工单') }}
        data-testid="dispatch-table"
        data-filter={view.variables.filter ?? ''}
        data-fetching={fetching ? 'true' : 'false'}
      />
      <DispatchModal
        cases={dispatching}
        onClose={() => setDispatching([])}
        onDone={() => {
          setSelected([]);
          onDispatched();
        }}
      />
    </>
  );
}
