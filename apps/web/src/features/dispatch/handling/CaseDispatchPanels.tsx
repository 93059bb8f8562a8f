import { useState } from 'react';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { useCurrentUser } from '../../auth/AuthContext';
import { errorMessage } from '../../../shared/errors';
import { label, REPLY_RESULT_LABELS } from '../../../shared/labels';
import { formatDateTime } from '../../../shared/time';
import { DispatchRecords } from './DispatchRecords';
import { HandlingPanel } from './HandlingPanel';
import { REVIEW_STATUS_LABELS } from './labels';
import { CASE_HANDLING_QUERY } from './queries';
import { RedispatchModal } from './RedispatchModal';
import { ReviewActions } from './ReviewActions';

const REVIEW_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

interface Props {
  caseId: string;
  onChanged(): void;
  /**
   * `actions`: what the current role can do now (办理 / 局审核 / 改派 / 延期审批), shown right under
   * the case; `records`: the reference panels (审核记录, 分派记录, 协办任务, 延期申请).
   */
  part: 'actions' | 'records';
}

/** The dispatch-side panels of the case page. Both parts share one (deduplicated) query. */
export function CaseDispatchPanels({ caseId, onChanged, part }: Props) {
  const user = useCurrentUser();
  const [redispatching, setRedispatching] = useState(false);
  const { data, error, refetch } = useQuery(CASE_HANDLING_QUERY, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
  });
  const v = data?.case;
  const changed = () => {
    void refetch();
    onChanged();
  };
  if (error && !v) {
    return part === 'actions' ? (
      <Alert type="error" showIcon style={{ marginTop: 16 }} message={errorMessage(error)} data-testid="dispatch-panels-error" />
    ) : null;
  }
  if (!v) return null;

  // dispatch's handling state decides the actions (Case.stage, intake's, follows by events).
  const stage = v.handling?.state ?? '';
  const canReview = (user.role === 'duty' || user.role === 'supervisor') && stage === 'replied';
  const canRedispatch = user.role === 'duty' && (stage === 'dispatched' || stage === 'accepted');
  const canDecideExtensions = user.role === 'supervisor';
  // A supervisor's pending extension decision is an action: that list moves up with the actions.
  const decideNow = canDecideExtensions && v.extensions.some((x) => x.status === 'pending');
  const pendingReply = v.replies.find((r) => r.reviewStatus === 'pending');

  if (part === 'actions') {
    return (
      <div data-testid="case-action-panels" data-stage={stage}>
        {user.role === 'handler' && <HandlingPanel v={v} user={user} onChanged={changed} />}
        {(canReview || canRedispatch) && (
          <Card size="small" title={canReview ? '局审核' : '值守操作'} style={{ marginTop: 16 }} data-testid="duty-case-actions">
            {canReview && (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">主办科室已答复，请审核：通过则工单办结，退回则主办科室重新办理。</Typography.Text>
                {pendingReply && (
                  <div data-testid="review-pending-reply">
                    <Space size={8} wrap>
                      <Typography.Text strong>{pendingReply.department?.name ?? pendingReply.departmentId}</Typography.Text>
                      <Tag color="blue">{label(REPLY_RESULT_LABELS, pendingReply.result)}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(pendingReply.repliedAt)}
                        {pendingReply.repliedByUser && ` · ${pendingReply.repliedByUser.displayName}`}
                      </Typography.Text>
                    </Space>
                    <div className="pre-wrap" style={{ marginTop: 4 }}>
                      {pendingReply.text}
                    </div>
                  </div>
                )}
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
        {decideNow && <DispatchRecords v={v} sections={['extensions']} canDecideExtensions onChanged={changed} />}
        {canRedispatch && <RedispatchModal open={redispatching} v={v} onClose={() => setRedispatching(false)} onChanged={changed} />}
      </div>
    );
  }

  return (
    <div data-testid="dispatch-panels" data-stage={stage}>
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
      <DispatchRecords
        v={v}
        sections={decideNow ? ['history', 'assists'] : ['history', 'assists', 'extensions']}
        canDecideExtensions={canDecideExtensions}
        onChanged={changed}
      />
    </div>
  );
}
