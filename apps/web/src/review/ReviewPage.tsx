import { useState } from 'react';
import { Badge, Button, Card, Tabs, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { QueryState } from '../shared/QueryState';
import { ExtensionList } from './ExtensionList';
import { EXTENSION_QUEUE_QUERY, REVIEW_QUEUE_QUERY } from './queries';
import { ReviewList, type ReviewCase } from './ReviewList';

const POLL_MS = 30_000;

/** 局审核 (duty, supervisor): replied cases awaiting review; supervisors also decide 延期. */
export default function ReviewPage() {
  const user = useCurrentUser();
  const isSupervisor = user.role === 'supervisor';
  const [tab, setTab] = useState('replies');
  const review = useQuery<{ cases: ReviewCase[] }>(REVIEW_QUEUE_QUERY, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const ext = useQuery<{ cases: ReviewCase[] }>(EXTENSION_QUEUE_QUERY, { skip: !isSupervisor, pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });

  // The intake stage follows the dispatch service by events: trust handling.stage when present.
  const awaiting = (review.data?.cases ?? []).filter((c) => (c.handling?.stage ?? c.stage) === 'replied');
  const withPending = (ext.data?.cases ?? []).filter((c) => c.extensions.some((x) => x.status === 'pending'));
  const pendingCount = withPending.reduce((n, c) => n + c.extensions.filter((x) => x.status === 'pending').length, 0);
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
      <ReviewList cases={awaiting} onChanged={refresh} />
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
                答复审核 <Badge count={awaiting.length} showZero color="#1d5fbf" />
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
                      延期审批 <Badge count={pendingCount} showZero color="#faad14" />
                    </span>
                  ),
                  children: (
                    <QueryState
                      loading={false}
                      error={ext.data ? undefined : ext.error}
                      onRetry={() => void ext.refetch()}
                      testId="extension-list"
                    >
                      <ExtensionList cases={withPending} loading={ext.loading && !ext.data} onChanged={refresh} />
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
