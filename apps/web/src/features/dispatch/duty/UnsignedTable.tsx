import { useState } from 'react';
import { App, Button, Space, Table, type TableColumnsType } from 'antd';
import { useMutation } from '@apollo/client';
import { baseCaseColumns, caseRowProps } from '../../../shared/caseColumns';
import { confirmAction } from '../../../shared/confirm';
import { tableEmpty } from '../../../shared/TableEmpty';
import { errorMessage } from '../../../shared/errors';
import type { CaseSummary } from '../../../shared/types';
import { DUTY_QUEUES, SIGN_CASE_MUTATION, SIGN_CASES_MUTATION } from './queries';
import { repeatExpandable } from '../../intake/repeats/repeatExpandable';
import { QueueToolbar, queuePagination } from './QueueToolbar';
import { QUEUE_PAGE_SIZE, type QueueView } from './queueView';

interface Props {
  /** One page of the queue, as the server ordered and filtered it. */
  cases: CaseSummary[];
  /** How many cases match (all pages). */
  total: number;
  view: QueueView;
  loading: boolean;
  /** A request for the current page / order / filter is on its way (the rows shown are the previous ones). */
  fetching: boolean;
}

/** 待签收: sign one case, or several at once via row selection. */
export function UnsignedTable({ cases, total, view, loading, fetching }: Props) {
  const { message, modal } = App.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [signingId, setSigningId] = useState<string | null>(null);
  const [signCase] = useMutation(SIGN_CASE_MUTATION, { refetchQueries: DUTY_QUEUES, awaitRefetchQueries: true });
  const [signCases, { loading: bulkSigning }] = useMutation(SIGN_CASES_MUTATION, {
    refetchQueries: DUTY_QUEUES,
    awaitRefetchQueries: true,
  });

  const signOne = async (c: CaseSummary) => {
    setSigningId(c.id);
    try {
      await signCase({ variables: { id: c.id } });
      message.success(`工单 ${c.externalNo} 已签收`);
      setSelected((s) => s.filter((id) => id !== c.id));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSigningId(null);
    }
  };

  const signSelected = async () => {
    const ids = selected.filter((id) => cases.some((c) => c.id === id));
    if (ids.length === 0) return;
    const ok = await confirmAction(modal, { title: `确认签收选中的 ${ids.length} 件工单？`, okText: '确认签收' });
    if (!ok) return;
    try {
      await signCases({ variables: { ids } });
      message.success(`已签收 ${ids.length} 件工单`);
      setSelected([]);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<CaseSummary> = [
    ...baseCaseColumns<CaseSummary>(),
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, record) => (
        <Button type="primary" size="small" loading={signingId === record.id} onClick={() => signOne(record)} data-testid={`sign-${record.externalNo}`}>
          签收
        </Button>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={selected.length === 0} loading={bulkSigning} onClick={signSelected} data-testid="bulk-sign">
          批量签收{selected.length > 0 ? `（${selected.length}）` : ''}
        </Button>
        <QueueToolbar view={view} testId="unsigned" />
      </Space>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={cases}
        loading={loading}
        onRow={caseRowProps}
        expandable={repeatExpandable<CaseSummary>()}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        pagination={queuePagination(view, total, QUEUE_PAGE_SIZE)}
        scroll={{ x: 860 }}
        locale={{ emptyText: tableEmpty('暂无待签收工单') }}
        data-testid="unsigned-table"
        data-filter={view.variables.filter ?? ''}
        data-fetching={fetching ? 'true' : 'false'}
      />
    </>
  );
}
