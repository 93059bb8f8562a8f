import { Descriptions, Table, Typography } from 'antd';
import { FeedbackStateTag } from '../intake-admin/feedbackLabels';
import { label, REPLY_RESULT_LABELS } from '../shared/labels';
import { tableEmpty } from '../shared/TableEmpty';
import { formatDateTime, formatDateTimeSeconds } from '../shared/time';
import type { CaseFeedback, FeedbackAttempt } from './types';

/** 办结反馈: the state of the feedback to the district platform, with every delivery attempt. */
export function FeedbackLog({ records }: { records: CaseFeedback[] }) {
  if (records.length === 0) {
    return <Typography.Text type="secondary" data-testid="case-feedback-none">尚无办结反馈（工单办结后生成）</Typography.Text>;
  }
  return (
    <div data-testid="case-feedback">
      {records.map((f) => (
        <div key={f.id} style={{ marginBottom: 12 }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="反馈状态">
              <FeedbackStateTag state={f.state} />
            </Descriptions.Item>
            <Descriptions.Item label="答复结果">{label(REPLY_RESULT_LABELS, f.result)}</Descriptions.Item>
            <Descriptions.Item label="承办科室">{f.departmentName || '—'}</Descriptions.Item>
            <Descriptions.Item label="答复时间">{formatDateTime(f.repliedAt)}</Descriptions.Item>
            <Descriptions.Item label="答复内容" span={2}>
              {f.replyText != null ? (
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid="feedback-reply-text">
                  {f.replyText}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">首次投递时从派单服务读取答复全文</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="已尝试">{f.attempts} 次</Descriptions.Item>
            <Descriptions.Item label={f.deliveredAt ? '反馈时间' : '下次重试'}>
              {formatDateTime(f.deliveredAt ?? f.nextAttemptAt)}
            </Descriptions.Item>
            {f.lastError && (
              <Descriptions.Item label="最近错误" span={2}>
                <Typography.Text type="danger">{f.lastError}</Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          {f.attemptLog.length > 0 && (
            <Table<FeedbackAttempt>
              rowKey="id"
              size="small"
              style={{ marginTop: 8 }}
              pagination={false}
              dataSource={f.attemptLog}
              locale={{ emptyText: tableEmpty('暂无投递记录') }}
              data-testid="feedback-attempts"
              columns={[
                { title: '第几次', dataIndex: 'attempt', width: 70 },
                { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatDateTimeSeconds(v) },
                { title: '状态码', dataIndex: 'statusCode', width: 80, render: (v?: number | null) => v ?? '—' },
                { title: '耗时', dataIndex: 'durationMs', width: 80, render: (v: number) => `${v} 毫秒` },
                { title: '错误', dataIndex: 'error', ellipsis: true, render: (v?: string | null) => v || '—' },
              ]}
            />
          )}
        </div>
      ))}
    </div>
  );
}
