import { Card, Descriptions, Empty, List, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { DEPARTMENTS_QUERY } from '../shared/fragments';
import { ASSIGNMENT_STATUS_LABELS, label, REPLY_RESULT_LABELS } from '../shared/labels';
import { formatDateTime } from '../shared/time';
import type { CaseDetail, Department } from '../shared/types';

const RESULT_COLORS: Record<string, string> = {
  solved: 'green',
  partly: 'gold',
  explained: 'blue',
  unsolvable: 'default',
};

/** The assignment (主办/协办) and the departments' replies. */
export function CaseHandling({ c }: { c: CaseDetail }) {
  const { data } = useQuery<{ departments: Department[] }>(DEPARTMENTS_QUERY, { errorPolicy: 'ignore' });
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
              {a.assistDepartmentIds.length > 0
                ? (a.assistDepartments?.map((d) => d.name) ?? a.assistDepartmentIds.map(nameOf)).join('、')
                : '—'}
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
            dataSource={c.replies}
            renderItem={(r) => (
              <List.Item key={r.id} data-testid="reply-item">
                <List.Item.Meta
                  title={
                    <>
                      {r.department?.name ?? nameOf(r.departmentId)}{' '}
                      <Tag color={RESULT_COLORS[r.result]}>{label(REPLY_RESULT_LABELS, r.result)}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(r.repliedAt)}
                        {r.repliedByUser && ` · 答复人：${r.repliedByUser.displayName}`}
                      </Typography.Text>
                    </>
                  }
                  description={<div className="pre-wrap">{r.text}</div>}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
