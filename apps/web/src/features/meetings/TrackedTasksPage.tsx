import { useState } from 'react';
import { App, Button, Card, Checkbox, Segmented, Space, Table, Tooltip, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { useAuth } from '../auth/AuthContext';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { COMPLETE_TRACKED_TASK, TRACKED_TASKS_QUERY } from './queries';
import { TaskStatus } from './TaskStatus';
import type { TrackedTask } from './types';

const PAGE = 20;

/**
 * 督办事项: supervisors and leaders see every department's tasks (调度会 decisions and 宣传 tasks);
 * a department handler sees their own and marks a meeting task done. Paged and filtered on the server.
 */
export default function TrackedTasksPage() {
  const { message, modal } = App.useApp();
  const { user } = useAuth();
  const [status, setStatus] = useState<'open' | 'done' | 'all'>('open');
  const [source, setSource] = useState<'all' | 'meeting' | 'publicity'>('all');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [page, setPage] = useState(1);
  const { data, loading, refetch } = useQuery(TRACKED_TASKS_QUERY, {
    variables: { status: status === 'all' ? null : status, source: source === 'all' ? null : source, overdueOnly, offset: (page - 1) * PAGE, limit: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [complete] = useMutation(COMPLETE_TRACKED_TASK);
  const canComplete = user?.role === 'handler' || user?.role === 'supervisor';
  const done = (t: TrackedTask) => {
    let note = '';
    modal.confirm({
      title: `标记完成：${t.title}`,
      content: (
        <textarea
          className="ant-input"
          rows={3}
          maxLength={500}
          placeholder="完成情况（可选）"
          data-testid="task-done-note"
          onChange={(e) => (note = e.target.value)}
        />
      ),
      okText: '确定',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'confirm-ok' },
      onOk: async () => {
        try {
          await complete({ variables: { input: { taskId: t.id, note: note.trim() || null } } });
          message.success('已标记完成');
          void refetch();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };
  const title = user?.role === 'handler' ? '本科室督办事项' : '督办事项';
  return (
    <Card className="page-card" data-testid="tracked-tasks-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          {title}
        </Typography.Title>
        <Space wrap>
          <Segmented
            options={[
              { value: 'open', label: '办理中' },
              { value: 'done', label: '已完成' },
              { value: 'all', label: '全部' },
            ]}
            value={status}
            onChange={(v) => {
              setStatus(v as typeof status);
              setPage(1);
            }}
          />
          <Segmented
            options={[
              { value: 'all', label: '全部来源' },
              { value: 'meeting', label: '调度会' },
              { value: 'publicity', label: '宣传' },
            ]}
            value={source}
            onChange={(v) => {
              setSource(v as typeof source);
              setPage(1);
            }}
          />
          <Checkbox
            checked={overdueOnly}
            onChange={(e) => {
              setOverdueOnly(e.target.checked);
              setPage(1);
            }}
          >
            只看超期
          </Checkbox>
        </Space>
      </div>
      <Table<TrackedTask>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.trackedTasks.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.trackedTasks.total ?? 0, onChange: setPage }}
        locale={{ emptyText: '暂无督办事项' }}
        columns={[
          { title: '来源', dataIndex: 'sourceLabel', width: 100 },
          { title: '任务', dataIndex: 'title' },
          { title: '责任科室', dataIndex: 'departmentName', width: 120 },
          { title: '截止日期', dataIndex: 'dueDate', width: 110 },
          { title: '状态', width: 130, render: (_, t) => <TaskStatus t={t} /> },
          {
            title: '催办',
            width: 160,
            render: (_, t) => {
              const fired = t.reminders.filter((r) => r.firedAt && !r.skipped);
              const next = t.reminders.find((r) => r.fireAt && !r.firedAt);
              return (
                <Tooltip
                  title={t.reminders
                    .map(
                      (r) =>
                        `${r.levelLabel}：${r.firedAt ? (r.skipped ? '已跳过' : `已催办 ${formatDateTime(r.firedAt)}`) : r.fireAt ? `计划 ${formatDateTime(r.fireAt)}` : '不再催办'}`,
                    )
                    .join('\n')}
                >
                  <span>
                    {fired.length ? `已催办 ${fired.length} 次` : '未催办'}
                    {next ? `，下次 ${formatDateTime(next.fireAt)}` : ''}
                  </span>
                </Tooltip>
              );
            },
          },
          {
            title: '完成',
            width: 200,
            render: (_, t) =>
              t.doneAt ? (
                `${formatDateTime(t.doneAt)}${t.doneNote ? `：${t.doneNote}` : ''}`
              ) : canComplete && t.source === 'meeting' ? (
                <Button size="small" type="primary" onClick={() => done(t)} data-testid={`task-done-${t.id}`}>
                  标记完成
                </Button>
              ) : t.source === 'publicity' ? (
                <Typography.Text type="secondary">在“宣传”中完成</Typography.Text>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
