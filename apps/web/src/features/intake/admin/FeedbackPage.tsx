import { useState } from 'react';
import { Alert, App, Button, Card, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthContext';
import { downloadText } from '../import/http';
import { FeedbackLog, FeedbackStatusText } from '../repeats/FeedbackLog';
import { confirmAction } from '../../../shared/confirm';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { errorMessage } from '../../../shared/errors';
import { label, REPLY_RESULT_LABELS } from '../../../shared/labels';
import { QueryState } from '../../../shared/QueryState';
import { tableEmpty } from '../../../shared/TableEmpty';
import { FeedbackStateTag, FEEDBACK_STATE_LABELS } from './feedbackLabels';
import { isWaitingForManualUpload } from './feedbackStatus';
import { FeedbackWebhookCard } from './FeedbackWebhookCard';
import {
  EXPORT_FEEDBACK_MUTATION,
  FEEDBACK_AUTOMATIC_QUERY,
  FEEDBACK_RECORDS_QUERY,
  MARK_FEEDBACK_UPLOADED_MUTATION,
  RETRY_FEEDBACK_MUTATION,
} from './queries';
import type { FeedbackRecord } from './types';
import type { FeedbackState } from '../../../gql/graphql';

const STATES = ['failed', 'pending', 'exported', 'delivered'];

/** 办结反馈: what has (not) reached the district platform; retry, export for manual upload. */
export default function FeedbackPage() {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const [state, setState] = useState<FeedbackState | 'all'>('failed');
  const [retrying, setRetrying] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(FEEDBACK_RECORDS_QUERY, {
    variables: { state: state === 'all' ? null : state, limit: 200 },
    pollInterval: 30_000,
    notifyOnNetworkStatusChange: false,
  });
  // Whether a 回传地址 is set (the address itself is the admin's): drives the wording of every row.
  const automatic = useQuery(FEEDBACK_AUTOMATIC_QUERY);
  const webhook = automatic.data?.feedbackDeliveryAutomatic;
  const [retry] = useMutation(RETRY_FEEDBACK_MUTATION, { refetchQueries: ['FeedbackRecords'] });
  const [exportFeedback, { loading: exporting }] = useMutation<{ exportFeedback: { fileName: string; content: string; count: number } }>(
    EXPORT_FEEDBACK_MUTATION,
    { refetchQueries: ['FeedbackRecords'] },
  );

  const doRetry = async (r: FeedbackRecord) => {
    setRetrying(r.id);
    try {
      await retry({ variables: { id: r.id } });
      message.success(`工单 ${r.externalNo} 的反馈已重新投递`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRetrying(null);
    }
  };

  const [markUploaded] = useMutation(MARK_FEEDBACK_UPLOADED_MUTATION, { refetchQueries: ['FeedbackRecords'] });
  /** 标记已上传: after the operator uploaded the exported file to the district platform by hand. */
  const doMarkUploaded = async (rows: FeedbackRecord[]) => {
    const ok = await confirmAction(modal, {
      title: rows.length === 1 ? `确认工单 ${rows[0].externalNo} 的反馈已手工上传？` : `确认 ${rows.length} 条已导出的反馈均已手工上传？`,
      content: '请在区级12345平台上传成功后再确认；确认后记录为“已反馈”（手工上传），并留痕。',
      okText: '确认已上传',
    });
    if (!ok) return;
    setRetrying(rows.length === 1 ? rows[0].id : 'all');
    try {
      const res = await markUploaded({ variables: { ids: rows.map((r) => r.id) } });
      message.success(`已标记 ${res.data?.markFeedbackUploaded.length ?? 0} 条为已上传`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setRetrying(null);
    }
  };

  const doExport = async () => {
    const ok = await confirmAction(modal, {
      title: '导出未回传的办结反馈？',
      content: '导出的记录将标记为“已导出待上传”，不再自动投递，请手工上传到区级12345平台。',
      okText: '导出',
    });
    if (!ok) return;
    try {
      const { data: res } = await exportFeedback();
      const out = res?.exportFeedback;
      if (!out || out.count === 0) {
        message.info('没有需要导出的办结反馈');
        return;
      }
      downloadText(out.content, out.fileName);
      message.success(`已导出 ${out.count} 条办结反馈`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const records = data?.feedbackRecords ?? [];
  const manualUpload = webhook === false || (webhook === undefined && records.some((r) => isWaitingForManualUpload(r, undefined)));

  const columns: TableColumnsType<FeedbackRecord> = [
    {
      title: '工单编号',
      dataIndex: 'externalNo',
      width: 150,
      render: (v: string, r) => <Link to={`/cases/${r.caseId}`}>{v}</Link>,
    },
    { title: '答复结果', dataIndex: 'result', width: 90, render: (v: string) => label(REPLY_RESULT_LABELS, v) },
    { title: '答复内容', key: 'reply', ellipsis: true, render: (_, r) => r.replyText ?? r.replySummary },
    { title: '承办科室', dataIndex: 'departmentName', width: 100, ellipsis: true, render: (v?: string | null) => v || '—' },
    { title: '办结时间', dataIndex: 'completedAt', width: 100, render: (v: string) => <DateTimeCell value={v} /> },
    { title: '状态', dataIndex: 'state', width: 110, render: (v: string) => <FeedbackStateTag state={v} /> },
    {
      title: '回传情况',
      key: 'delivery',
      width: 230,
      render: (_, r) => (
        <div data-testid={`feedback-delivery-${r.externalNo}`}>
          <FeedbackStatusText record={r} webhook={webhook} block />
          {r.lastError && (
            <Typography.Text type="danger" ellipsis={{ tooltip: r.lastError }} style={{ display: 'block', fontSize: 12 }}>
              最近错误：{r.lastError}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 72,
      render: (_, r) =>
        r.state === 'failed' ? (
          <Button size="small" loading={retrying === r.id} onClick={() => doRetry(r)} data-testid={`feedback-retry-${r.externalNo}`}>
            重试
          </Button>
        ) : r.state === 'exported' ? (
          <Button size="small" loading={retrying === r.id} onClick={() => doMarkUploaded([r])} data-testid={`feedback-uploaded-${r.externalNo}`}>
            已上传
          </Button>
        ) : null,
    },
  ];

  return (
    <Card className="page-card" data-testid="feedback-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          办结反馈
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            刷新
          </Button>
          {records.some((r) => r.state === 'exported') && (
            <Button
              loading={retrying === 'all'}
              onClick={() => doMarkUploaded(records.filter((r) => r.state === 'exported'))}
              data-testid="feedback-uploaded-all"
            >
              已导出的全部标记为已上传
            </Button>
          )}
          <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={doExport} data-testid="feedback-export">
            导出待上传（CSV）
          </Button>
        </Space>
      </div>
      <Segmented
        value={state}
        onChange={(v) => setState(v as FeedbackState | 'all')}
        options={[...STATES.map((s) => ({ value: s, label: FEEDBACK_STATE_LABELS[s] })), { value: 'all', label: '全部' }]}
        style={{ marginBottom: 12 }}
        data-testid="feedback-state-filter"
      />
      {manualUpload && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="未设置回传地址：办结反馈不会自动回传区平台"
          description="请点「导出待上传（CSV）」导出，再手工上传至区级12345平台；导出的记录显示为「已导出，待手工上传至区平台」。"
          data-testid="feedback-manual-upload"
        />
      )}
      <QueryState loading={loading && !data} error={data ? undefined : error} onRetry={() => void refetch()} testId="feedback">
        <Table<FeedbackRecord>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={records}
          expandable={{ expandedRowRender: (r) => <FeedbackLog records={[r]} webhook={webhook} />, rowExpandable: () => true }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
          scroll={{ x: 1040 }}
          locale={{ emptyText: tableEmpty('暂无记录') }}
          data-testid="feedback-table"
        />
      </QueryState>
      {user.role === 'admin' && <FeedbackWebhookCard />}
    </Card>
  );
}
