import { useEffect, useState } from 'react';
import { Badge, Button, Card, Space, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { QueryState } from '../../shared/QueryState';
import { QuickFilter } from '../../shared/QuickFilter';
import { QUEUE_PAGE_SIZE, useQueueView } from '../dispatch/duty/queueView';
import { ExtensionList } from './ExtensionList';
import { EXTENSION_QUEUE_QUERY, REVIEW_QUEUE_QUERY } from './queries';
import { ReviewList } from './ReviewList';

const POLL_MS = 30_000;
const EXTENSION_PAGE = 20;

/**
 * 局审核 (duty, supervisor): dispatch's queue of replies awaiting review; supervisors also decide
 * 延期. Both queues are paged and counted on the server — nothing is filtered here.
 */
export default function ReviewPage() {
  const user = useCurrentUser();
  const isSupervisor = user.role === 'supervisor';
  const [tab, setTab] = useState('replies');
  // 局审核 pages and filters like the duty queues (by 工单编号, 标题 or 楼盘, on the server).
  const reviewView = useQueueView();
  const reviewPage = reviewView.page;
  const setReviewPage = reviewView.setPage;
  const [extensionPage, setExtensionPage] = useState(1);
  const review = useQuery(REVIEW_QUEUE_QUERY, {
    variables: { offset: reviewView.variables.offset, limit: reviewView.variables.limit, filter: reviewView.variables.filter },
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
  const ext = useQuery(EXTENSION_QUEUE_QUERY, {
    variables: { offset: (extensionPage - 1) * EXTENSION_PAGE, limit: EXTENSION_PAGE },
    skip: !isSupervisor,
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
  });

  const reviewData = review.data ?? review.previousData;
  const awaiting = reviewData?.reviewQueue.items ?? [];
  const awaitingTotal = reviewData?.reviewQueue.total ?? 0;
  const pendingCount = ext.data?.pendingExtensions.total ?? 0;
  const extensions = ext.data?.pendingExtensions.items ?? [];
  // A page emptied by decisions (the last one approved) steps back to the one before.
  useEffect(() => {
    if (review.data && awaiting.length === 0 && reviewPage > 1) setReviewPage(reviewPage - 1);
  }, [review.data, awaiting.length, reviewPage, setReviewPage]);
  useEffect(() => {
    if (ext.data && extensions.length === 0 && extensionPage > 1) setExtensionPage((p) => p - 1);
  }, [ext.data, extensions.length, extensionPage]);
  const refresh = () => {
    void review.refetch();
    if (isSupervisor) void ext.refetch();
  };

  const replies = (
    <div data-testid="review-queue" data-filter={reviewView.variables.filter ?? ''} data-fetching={review.data ? 'false' : 'true'}>
      <Space style={{ marginBottom: 12 }}>
        <QuickFilter value={reviewView.filter} onChange={reviewView.setFilter} testId="review-filter" />
      </Space>
      <QueryState
        loading={review.loading && !reviewData}
        error={reviewData ? undefined : review.error}
        empty={awaiting.length === 0}
        emptyText="暂无待审核的答复"
        onRetry={() => void review.refetch()}
        testId="review-list"
      >
        <ReviewList cases={awaiting} total={awaitingTotal} page={reviewPage} pageSize={QUEUE_PAGE_SIZE} onPage={setReviewPage} onChanged={refresh} />
      </QueryState>
    </div>
  );

  return (
    <Card className="page-card" data-testid="review-page" data-loaded={review.data ? 'true' : 'false'}>
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          局审核
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="review-refresh">
          刷新
        </Button>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'replies',
            label: (
              <span data-testid="review-tab-replies">
                答复审核 <Badge count={awaitingTotal} showZero overflowCount={9999} color="#1d5fbf" />
              </span>
            ),
            children: replies,
          },
          ...(isSupervisor
            ? [
                {
                  key: 'extensions',
                  label: (
                    <span data-testid="review-tab-extensions">
                      延期审批 <Badge count={pendingCount} showZero overflowCount={9999} color="#faad14" />
                    </span>
                  ),
                  children: (
                    <QueryState loading={false} error={ext.data ? undefined : ext.error} onRetry={() => void ext.refetch()} testId="extension-list">
                      <ExtensionList
                        items={extensions}
                        total={pendingCount}
                        page={extensionPage}
                        pageSize={EXTENSION_PAGE}
                        loading={ext.loading && !ext.data}
                        onPage={setExtensionPage}
                        onChanged={refresh}
                      />
                    </QueryState>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
