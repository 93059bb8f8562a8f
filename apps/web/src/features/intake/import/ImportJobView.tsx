import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { QueryState } from '../../../shared/QueryState';
import { tableEmpty } from '../../../shared/TableEmpty';
import { formatDateTime } from '../../../shared/time';
import { downloadWithAuth, httpErrorMessage } from './http';
import { IMPORT_JOB_QUERY } from './queries';
import { IMPORT_STATUS_COLORS, IMPORT_STATUS_LABELS, isRunning, missingColumns } from './types';

const POLL_MS = 1000;

/** One import job: progress while it runs, then the counts, the first errors and the report. */
export function ImportJobView({ jobId, onFinished }: { jobId: string; onFinished?(): void }) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const { data, loading, error, refetch, startPolling, stopPolling } = useQuery(IMPORT_JOB_QUERY, {
    variables: { id: jobId },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: false,
  });
  const job = data?.importJob;
  const running = !job || isRunning(job.status);
  const missing = missingColumns(job?.errors);

  useEffect(() => {
    if (running) startPolling(POLL_MS);
    else {
      stopPolling();
      onFinished?.();
    }
    return () => stopPolling();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, startPolling, stopPolling]);

  const download = async () => {
    if (!job) return;
    setDownloading(true);
    try {
      await downloadWithAuth(job.errorReportUrl ?? `/imports/${job.id}/errors.csv`, `导入错误报告-${job.fileName.replace(/\.[^.]+$/, '')}.csv`);
    } catch (e) {
      message.error(httpErrorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card size="small" title="导入进度" data-testid="import-job" data-status={job?.status ?? 'loading'}>
      <QueryState loading={loading && !job} error={job ? undefined : error} onRetry={() => void refetch()} testId="import-job">
        {job && (
          <>
            <Space wrap style={{ marginBottom: 8 }}>
              <Typography.Text strong>{job.fileName}</Typography.Text>
              <Tag color={IMPORT_STATUS_COLORS[job.status]} data-testid="import-status">
                {IMPORT_STATUS_LABELS[job.status] ?? job.status}
              </Tag>
              {job.mappingName && <Typography.Text type="secondary">列映射：{job.mappingName}</Typography.Text>}
              <Typography.Text type="secondary">提交于 {formatDateTime(job.createdAt)}</Typography.Text>
            </Space>
            <Progress
              percent={Math.round(job.progress * 100)}
              status={job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'}
              data-testid="import-progress"
            />
            <Typography.Paragraph type="secondary">
              已处理 {job.processedRows} / {job.totalRows} 行{job.durationMs != null && !running && `，耗时 ${(job.durationMs / 1000).toFixed(1)} 秒`}
            </Typography.Paragraph>
            {job.message && (
              <Alert
                type={job.status === 'failed' ? 'error' : 'info'}
                showIcon
                message={job.message}
                style={{ marginBottom: 12 }}
                data-testid="import-message"
              />
            )}
            {missing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                message={`文件缺少 ${missing.length} 个必需的列：${missing.map((c) => `「${c}」`).join('、')}`}
                description="请按「下载导入模板」中的区平台标准列名修改表头，或新建列映射指明这些列在文件中的名称。缺列时不检查各行内容，补齐后再导入会显示各行的问题。"
                style={{ marginBottom: 12 }}
                data-testid="import-missing-columns"
              />
            )}
            {job.status === 'failed' && !job.message && (
              <Alert type="warning" showIcon message="导入失败，未写入任何数据。请按错误修改文件后重新导入。" style={{ marginBottom: 12 }} />
            )}
            <Row gutter={16} style={{ marginBottom: 12 }} data-testid="import-counts">
              <Col span={6}>
                <Statistic title="新增" value={job.createdCount} />
              </Col>
              <Col span={6}>
                <Statistic title="更新" value={job.updatedCount} />
              </Col>
              <Col span={6}>
                <Statistic title="未变化" value={job.unchangedCount} />
              </Col>
              <Col span={6}>
                <Statistic title="错误" value={job.errorCount} valueStyle={job.errorCount > 0 ? { color: '#cf1322' } : undefined} />
              </Col>
            </Row>
            {job.errorCount > 0 && (
              <>
                <Space style={{ marginBottom: 8 }}>
                  <Button icon={<DownloadOutlined />} loading={downloading} onClick={download} data-testid="import-download-errors">
                    下载错误报告
                  </Button>
                  {job.errorCount > (job.errors?.length ?? 0) && (
                    <Typography.Text type="secondary">下表仅显示前 {job.errors?.length ?? 0} 条，完整错误见报告</Typography.Text>
                  )}
                </Space>
                <Table
                  rowKey={(r) => `${r.row}-${r.column}-${r.reason}`}
                  size="small"
                  dataSource={job.errors ?? []}
                  pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
                  locale={{ emptyText: tableEmpty('暂无错误') }}
                  data-testid="import-errors"
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 80 },
                    { title: '列', dataIndex: 'column', width: 160 },
                    { title: '原因', dataIndex: 'reason' },
                  ]}
                />
              </>
            )}
          </>
        )}
      </QueryState>
    </Card>
  );
}
