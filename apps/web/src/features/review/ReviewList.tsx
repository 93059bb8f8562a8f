import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ReviewActions } from '../dispatch/handling/ReviewActions';
import type { CaseDispatchView } from '../dispatch/handling/types';
import { label, REPLY_RESULT_LABELS } from '../../shared/labels';
import { formatDateTime } from '../../shared/time';

export type ReviewCase = CaseDispatchView & { title: string; topic: string };

interface Props {
  cases: ReviewCase[];
  total: number;
  page: number;
  pageSize: number;
  onPage(page: number): void;
  onChanged(): void;
}

/** The replied cases awaiting 局审核 (one page of dispatch's queue), each with its pending reply and approve / send back. */
export function ReviewList({ cases, total, page, pageSize, onPage, onChanged }: Props) {
  return (
    <List
      dataSource={cases}
      pagination={total > pageSize ? { current: page, pageSize, total, showSizeChanger: false, showTotal: (n) => `共 ${n} 件`, onChange: onPage } : false}
      renderItem={(c) => {
        const reply = [...c.replies].reverse().find((r) => r.reviewStatus === 'pending') ?? c.replies[c.replies.length - 1];
        return (
          <List.Item key={c.id} style={{ display: 'block' }}>
            <Card
              size="small"
              data-testid={`review-item-${c.externalNo}`}
              title={
                <Space wrap size={8}>
                  <Link to={`/cases/${c.id}`} data-testid={`case-link-${c.externalNo}`}>
                    {c.externalNo}
                  </Link>
                  <Typography.Text ellipsis style={{ maxWidth: 420 }}>
                    {c.title}
                  </Typography.Text>
                  <Tag>{c.topic}</Tag>
                </Space>
              }
              extra={<ReviewActions caseId={c.id} externalNo={c.externalNo} expectedVersion={c.handling?.version} onChanged={onChanged} size="small" />}
            >
              {reply ? (
                <>
                  <Space wrap size={8} style={{ marginBottom: 6 }}>
                    <Typography.Text strong>{reply.department?.name ?? c.assignment?.leadDepartment?.name ?? '—'}</Typography.Text>
                    <Tag color="green">{label(REPLY_RESULT_LABELS, reply.result)}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(reply.repliedAt)}
                      {reply.repliedByUser && ` · 答复人：${reply.repliedByUser.displayName}`}
                    </Typography.Text>
                  </Space>
                  <div className="pre-wrap" data-testid="review-reply-text">
                    {reply.text}
                  </div>
                </>
              ) : (
                <Typography.Text type="secondary">答复内容加载中</Typography.Text>
              )}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
