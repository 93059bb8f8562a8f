import { Descriptions, Table, Typography } from 'antd';
import { FeedbackStateTag } from '../admin/feedbackLabels';
import { feedbackStatus } from '../admin/feedbackStatus';
import { label, REPLY_RESULT_LABELS } from '../../../shared/labels';
import { tableEmpty } from '../../../shared/TableEmpty';
import { formatDateTime, formatDateTimeSeconds } from '../../../shared/time';
import type { CaseFeedback, FeedbackAttempt } from './types';

/** The delivery state in words, with the time worth knowing (反馈时间, or a retry still to come). */
export function FeedbackStatusText({
  record,
  webhook,
  block,
}: {
  record: Pick<CaseFeedback, 'state' | 'attempts' | 'nextAttemptAt' | 'deliveredAt'>;
  webhook?: boolean;
  block?: boolean;
}) {
  const s = feedbackStatus(record, { webhook });
  return (
    <span data-testid="feedback-status-text" data-manual={s.manual ? 'true' : 'false'}>
      <Typography.Text type={s.tone}>{s.text}</Typography.Text>
      {s.time &&
        (block ? (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {s.time.label} {formatDateTime(s.time.at)}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{`（${s.time.label} ${formatDateTime(s.time.at)}）`}</Typography.Text>
        ))}
    </span>
  );
}

/**
 * 办结反馈: the state of the feedback to the district platform, with every delivery attempt.
 * `webhook`: whether a 回传地址 is set, when the viewer may know it (the admin); otherwise the
 * wording is read from the record's state and attempts.
 */
export function FeedbackLog({ records, webhook }: { records: CaseFeedback[]; webhook?: boolean }) {
  if (records.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="case-feedback-none">
        尚无办结反馈（工单办结后生成）
      </Typography.Text>
    );
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
                <Typography.Text type="secondary">正在从派单服务读取答复全文</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="回传情况" span={2}>
              <FeedbackStatusText record={f} webhook={webhook} />
              {f.attempts > 0 && <Typography.Text type="secondary">{`　已尝试自动回传 ${f.attempts} 次`}</Typography.Text>}
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
