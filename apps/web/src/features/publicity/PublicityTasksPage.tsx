import { useState } from 'react';
import { App, Button, Card, Segmented, Table, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { overdue } from './labels';
import { COMPLETE_TASK, TASKS_QUERY } from './queries';
import type { PublicityTasksQuery } from '../../gql/graphql';

type Task = PublicityTasksQuery['publicityTasks']['items'][number];

const PAGE = 20;

/** 宣传任务 (department handlers): the 《向前一步》 tasks of their department, by due time; mark one done. */
export default function PublicityTasksPage() {
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(true);
  const [page, setPage] = useState(1);
  const { data, loading, refetch } = useQuery(TASKS_QUERY, {
    variables: { open, offset: (page - 1) * PAGE, limit: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [complete] = useMutation(COMPLETE_TASK);
  const done = (t: Task) => {
    let note = '';
    modal.confirm({
      title: `登记完成：${t.title}`,
      content: <textarea className="ant-input" rows={3} maxLength={1000} placeholder="完成情况（可选）" onChange={(e) => (note = e.target.value)} />,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          await complete({ variables: { id: t.id, note: note.trim() || null } });
          message.success('已登记完成');
          void refetch();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  };
  return (
    <Card className="page-card" data-testid="publicity-tasks-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          宣传任务
        </Typography.Title>
        <Segmented
          options={[
            { value: 'open', label: '未完成' },
            { value: 'all', label: '全部' },
          ]}
          value={open ? 'open' : 'all'}
          onChange={(v) => {
            setOpen(v === 'open');
            setPage(1);
          }}
        />
      </div>
      <Table<Task>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.publicityTasks.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.publicityTasks.total ?? 0, onChange: setPage }}
        locale={{ emptyText: '暂无宣传任务' }}
        columns={[
          { title: '阶段', dataIndex: 'phaseLabel', width: 70 },
          { title: '任务', dataIndex: 'title' },
          {
            title: '期限',
            render: (_, t) => <Typography.Text type={!t.doneAt && overdue(t.dueAt) ? 'danger' : undefined}>{formatDateTime(t.dueAt)}</Typography.Text>,
            width: 150,
          },
          {
            title: '完成',
            render: (_, t) =>
              t.doneAt ? (
                `${formatDateTime(t.doneAt)}${t.doneNote ? `：${t.doneNote}` : ''}`
              ) : (
                <Button size="small" type="primary" onClick={() => done(t)}>
                  登记完成
                </Button>
              ),
            width: 220,
          },
        ]}
      />
    </Card>
  );
}
