import { useState } from 'react';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { errorMessage } from '../shared/errors';
import { label, REPLY_RESULT_LABELS } from '../shared/labels';
import { formatDateTime } from '../shared/time';
import { DispatchRecords } from './DispatchRecords';
import { HandlingPanel } from './HandlingPanel';
import { REVIEW_STATUS_LABELS } from './labels';
import { CASE_HANDLING_QUERY } from './queries';
import { RedispatchModal } from './RedispatchModal';
import { ReviewActions } from './ReviewActions';
import type { CaseDispatchView } from './types';

const REVIEW_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** The dispatch-side panels of the case page: 办理 (handler), 改派 / 局审核 (duty), records for all. */
export function CaseDispatchPanels({ caseId, onChanged }: { caseId: string; onChanged(): void }) {
  const user = useCurrentUser();
  const [redispatching, setRedispatching] = useState(false);
  const { data, error, refetch } = useQuery<{ case: CaseDispatchView | null }>(CASE_HANDLING_QUERY, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
  });
  const v = data?.case;
  const changed = () => {
    void refetch();
    onChanged();
  };
  if (error && !v) return <Alert type="error" showIcon style={{ marginTop: 16 }} message={errorMessage(error)} data-testid="dispatch-panels-error" />;
  if (!v) return null;

  const stage = v.handling?.stage ?? v.stage;
  const canReview = (user.role === 'duty' || user.role === 'supervisor') && stage === 'replied';
  const canRedispatch = user.role === 'duty' && (stage === 'dispatched' || stage === 'accepted');

  return (
    <div data-testid="dispatch-panels" data-stage={stage}>
      {user.role === 'handler' && <HandlingPanel v={v} user={user} onChanged={changed} />}
      {(canReview || canRedispatch) && (
        <Card size="small" title={canReview ? '局审核' : '值守操作'} style={{ marginTop: 16 }} data-testid="duty-case-actions">
          {canReview && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">主办科室已答复，请审核：通过则工单办结，退回则主办科室重新办理。</Typography.Text>
              <ReviewActions caseId={v.id} externalNo={v.externalNo} expectedVersion={v.handling?.version} onChanged={changed} />
            </Space>
          )}
          {canRedispatch && (
            <Button onClick={() => setRedispatching(true)} data-testid="case-redispatch">
              改派
            </Button>
          )}
        </Card>
      )}
      {v.replies.some((r) => r.reviewStatus !== 'pending') && (
        <Card size="small" title="审核记录" style={{ marginTop: 16 }} data-testid="review-records">
          <List
            dataSource={v.replies}
            renderItem={(r) => (
              <List.Item key={r.id} data-testid="review-record" data-status={r.reviewStatus}>
                <Space wrap>
                  <Tag color={REVIEW_COLORS[r.reviewStatus]}>{label(REVIEW_STATUS_LABELS, r.reviewStatus)}</Tag>
                  {r.department?.name} {formatDateTime(r.repliedAt)} 答复（{label(REPLY_RESULT_LABELS, r.result)}）
                  {r.reviewedAt && `｜${formatDateTime(r.reviewedAt)} ${r.reviewedByUser?.displayName ?? ''} 审核`}
                  {r.reviewNote && `：${r.reviewNote}`}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      )}
      <DispatchRecords v={v} canDecideExtensions={user.role === 'supervisor'} onChanged={changed} />
      {canRedispatch && <RedispatchModal open={redispatching} v={v} onClose={() => setRedispatching(false)} onChanged={changed} />}
    </div>
  );
}
