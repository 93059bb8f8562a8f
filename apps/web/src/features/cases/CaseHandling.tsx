import { Alert, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { DEPARTMENTS_QUERY } from '../../shared/fragments';
import { ASSIGNMENT_STATUS_LABELS, label, REPLY_RESULT_LABELS } from '../../shared/labels';
import { rejectedReplyText } from '../dispatch/handling/rules';
import { formatDateTime } from '../../shared/time';
import type { CaseDetail, Reply } from '../../shared/types';

/** A reply with its 局审核 outcome (CASE_DETAIL_QUERY selects these too). */
type ReviewedReply = Reply & { reviewStatus?: string | null; reviewNote?: string | null; reviewedAt?: string | null };

const REVIEW_TAGS: Record<string, { color: string; text: string }> = {
  pending: { color: 'gold', text: '待审核' },
  approved: { color: 'green', text: '审核通过' },
};

const RESULT_COLORS: Record<string, string> = {
  solved: 'green',
  partly: 'gold',
  explained: 'blue',
  unsolvable: 'default',
};

/** The assignment (主办/协办) and the departments' replies. */
export function CaseHandling({ c }: { c: CaseDetail }) {
  const { data } = useQuery(DEPARTMENTS_QUERY, { errorPolicy: 'ignore' });
  const nameOf = (id: string) => data?.departments.find((d) => d.id === id)?.name ?? id;
  const a = c.assignment;

  return (
    <>
      <Card size="small" title="分转信息" style={{ marginTop: 16 }} data-testid="case-assignment">
        {a ? (
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
            <Descriptions.Item label="主办科室">
              <span data-testid="assignment-lead">{a.leadDepartment?.name ?? nameOf(a.leadDepartmentId)}</span>
            </Descriptions.Item>
            <Descriptions.Item label="协办科室">
              {a.assistDepartmentIds.length > 0 ? (a.assistDepartments?.map((d) => d.name) ?? a.assistDepartmentIds.map(nameOf)).join('、') : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="办理状态">{label(ASSIGNMENT_STATUS_LABELS, a.status)}</Descriptions.Item>
            <Descriptions.Item label="分转时间">{formatDateTime(a.dispatchedAt)}</Descriptions.Item>
            <Descriptions.Item label="分转人">{a.dispatchedBy?.displayName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="办理时限">{formatDateTime(a.deadlineAt)}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未分转" />
        )}
      </Card>
      <Card size="small" title="科室答复" style={{ marginTop: 16 }} data-testid="case-replies">
        {c.replies.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无答复" />
        ) : (
          <List
            dataSource={c.replies as ReviewedReply[]}
            renderItem={(r) => {
              const rejected = rejectedReplyText(r);
              const review = r.reviewStatus ? REVIEW_TAGS[r.reviewStatus] : undefined;
              return (
                <List.Item key={r.id} data-testid="reply-item" data-review-status={r.reviewStatus ?? undefined}>
                  <List.Item.Meta
                    title={
                      <Space size={8} wrap>
                        {r.department?.name ?? nameOf(r.departmentId)}
                        <Tag color={RESULT_COLORS[r.result]}>{label(REPLY_RESULT_LABELS, r.result)}</Tag>
                        {review && <Tag color={review.color}>{review.text}</Tag>}
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(r.repliedAt)}
                          {r.repliedByUser && ` · 答复人：${r.repliedByUser.displayName}`}
                        </Typography.Text>
                      </Space>
                    }
                    description={
                      <>
                        {rejected && (
                          <Alert
                            type="error"
                            showIcon
                            style={{ marginBottom: 8 }}
                            data-testid="reply-rejected"
                            message={rejected}
                            description={r.reviewedAt ? `局审核于 ${formatDateTime(r.reviewedAt)} 退回此答复` : undefined}
                          />
                        )}
                        <div className="pre-wrap" style={rejected ? { color: 'rgba(0, 0, 0, 0.55)' } : undefined}>
                          {r.text}
                        </div>
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
        )}
      </Card>
    </>
  );
}
