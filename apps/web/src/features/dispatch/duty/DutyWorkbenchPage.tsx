import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Space, Tabs, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { errorMessage } from '../../../shared/errors';
import { DispatchQueueTable } from './DispatchQueueTable';
import { DISPATCH_QUEUE_QUERY, UNSIGNED_CASES_QUERY } from './queries';
import { ReceiveCaseModal } from './ReceiveCaseModal';
import { UnsignedTable } from './UnsignedTable';
import { UnsignedSummaryBar } from '../../intake/repeats/UnsignedSummaryBar';
import { useQueueView } from './queueView';

const POLL_MS = 15_000;

/**
 * 值守工作台: the duty operator's two queues, 待签收 (intake's) and 待分转 (dispatch's), each paged,
 * ordered (longest wait or most urgent first), filtered and counted on the server.
 */
export default function DutyWorkbenchPage() {
  const [tab, setTab] = useState('unsigned');
  const [receiving, setReceiving] = useState(false);
  const unsignedView = useQueueView();
  const queueView = useQueueView();
  const unsigned = useQuery(UNSIGNED_CASES_QUERY, {
    variables: unsignedView.variables,
    pollInterval: POLL_MS,
    notifyOnNetworkStatusChange: false,
  });
  const queue = useQuery(DISPATCH_QUEUE_QUERY, {
    variables: queueView.variables,
    pollInterval: POLL_MS,
    notifyOnNetworkStatusChange: false,
  });

  // While another page, order or filter loads, the previous rows stay (no flash of an empty queue).
  const unsignedData = unsigned.data ?? unsigned.previousData;
  const queueData = queue.data ?? queue.previousData;
  const unsignedCases = unsignedData?.unsignedCases ?? [];
  const unsignedTotal = unsignedData?.unsignedSummary.count ?? 0;
  const queueCases = queueData?.dispatchQueue ?? [];
  const queueTotal = queueData?.dispatchQueueSummary.count ?? 0;
  // A page emptied by signing or dispatching steps back to the one before.
  useEffect(() => {
    if (unsigned.data && unsignedCases.length === 0 && unsignedView.page > 1) unsignedView.setPage(unsignedView.page - 1);
  }, [unsigned.data, unsignedCases.length, unsignedView]);
  useEffect(() => {
    if (queue.data && queueCases.length === 0 && queueView.page > 1) queueView.setPage(queueView.page - 1);
  }, [queue.data, queueCases.length, queueView]);
  const refresh = () => {
    void unsigned.refetch();
    void queue.refetch();
  };
  const error = tab === 'unsigned' ? unsigned.error : queue.error;

  return (
    <Card className="page-card" data-testid="duty-workbench" data-loaded={unsigned.data && queue.data ? 'true' : 'false'}>
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          值守工作台
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="duty-refresh">
            刷新
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setReceiving(true)} data-testid="receive-case-button">
            录入工单
          </Button>
        </Space>
      </div>
      <UnsignedSummaryBar refreshKey={unsignedTotal} />
      {error && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(error)}
          style={{ marginBottom: 12 }}
          data-testid="duty-error"
          action={
            <Button size="small" onClick={refresh}>
              重试
            </Button>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'unsigned',
            label: (
              <span data-testid="tab-unsigned">
                待签收 <Badge count={unsignedTotal} showZero overflowCount={9999} color="#faad14" />
              </span>
            ),
            children: (
              <UnsignedTable
                cases={unsignedCases}
                total={unsignedTotal}
                view={unsignedView}
                loading={unsigned.loading && !unsignedData}
                fetching={!unsigned.data}
              />
            ),
          },
          {
            key: 'dispatch',
            label: (
              <span data-testid="tab-dispatch">
                待分转 <Badge count={queueTotal} showZero overflowCount={9999} color="#1d5fbf" />
              </span>
            ),
            children: (
              <DispatchQueueTable
                cases={queueCases}
                total={queueTotal}
                view={queueView}
                loading={queue.loading && !queueData}
                fetching={!queue.data}
                onDispatched={refresh}
              />
            ),
          },
        ]}
      />
      <ReceiveCaseModal open={receiving} onClose={() => setReceiving(false)} onCreated={() => setTab('unsigned')} />
    </Card>
  );
}
