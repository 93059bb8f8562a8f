import { useEffect, useState } from 'react';
import { Badge, Button, Card, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { QueryState } from '../shared/QueryState';
import { ExtensionList, type PendingExtension } from './ExtensionList';
import { EXTENSION_QUEUE_QUERY, REVIEW_QUEUE_QUERY } from './queries';
import { ReviewList, type ReviewCase } from './ReviewList';

const POLL_MS = 30_000;
const REVIEW_PAGE = 10;
const EXTENSION_PAGE = 20;

interface Page<T> {
  total: number;
  items: T[];
}

/**
 * 局审核 (duty, supervisor): dispatch's queue of replies awaiting review; supervisors also decide
 * 延期. Both queues are paged and counted on the server — nothing is filtered here.
 */
export default function ReviewPage() {
  const user = useCurrentUser();
  const isSupervisor = user.role === 'supervisor';
  const [tab, setTab] = useState('replies');
  const [reviewPage, setReviewPage] = useState(1);
  const [extensionPage, setExtensionPage] = useState(1);
  const review = useQuery<{ reviewQueue: Page<ReviewCase> }>(REVIEW_QUEUE_QUERY, {
    variables: { offset: (reviewPage - 1) * REVIEW_PAGE, limit: REVIEW_PAGE },
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
  });
  const ext = useQuery<{ pendingExtensions: Page<PendingExtension> }>(EXTENSION_QUEUE_QUERY, {
    variables: { offset: (extensionPage - 1) * EXTENSION_PAGE, limit: EXTENSION_PAGE },
    skip: !isSupervisor,
    pollInterval: POLL_MS,
    fetchPolicy: 'cache-and-network',
  });

  const awaiting = review.data?.reviewQueue.items ?? [];
  const awaitingTotal = review.data?.reviewQueue.total ?? 0;
  const pendingCount = ext.data?.pendingExtensions.total ?? 0;
  const extensions = ext.data?.pendingExtensions.items ?? [];
  // A page emptied by decisions (the last one approved) steps back to the one before.
  useEffect(() => {
    if (review.data && awaiting.length === 0 && reviewPage > 1) setReviewPage((p) => p - 1);
  }, [review.data, awaiting.length, reviewPage]);
  useEffect(() => {
    if (ext.data && extensions.length === 0 && extensionPage > 1) setExtensionPage((p) => p - 1);
  }, [ext.data, extensions.length, extensionPage]);
  const refresh = () => {
    void review.refetch();
    if (isSupervisor) void ext.refetch();
  };

  const replies = (
    <QueryState
      loading={review.loading && !review.data}
      error={review.data ? undefined : review.error}
      empty={awaiting.length === 0}
      emptyText="暂无待审核的答复"
      onRetry={() => void review.refetch()}
      testId="review-list"
    >
      <ReviewList cases={awaiting} total={awaitingTotal} page={reviewPage} pageSize={REVIEW_PAGE} onPage={setReviewPage} onChanged={refresh} />
    </QueryState>
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
                    <QueryState
                      loading={false}
                      error={ext.data ? undefined : ext.error}
                      onRetry={() => void ext.refetch()}
                      testId="extension-list"
                    >
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
