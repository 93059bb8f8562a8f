import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { AwardModal } from './AwardModal';
import { overdue } from './labels';
import { CasePicker, DepartmentPicker } from './pickers';
import { COMPLETE_TASK, EPISODES_QUERY, SCHEDULE_EPISODE, SET_EPISODE_STATUS } from './queries';
import type { EpisodesQuery } from '../../gql/graphql';

type Episode = EpisodesQuery['episodes']['items'][number];
type Task = Episode['tasks'][number];

const PAGE = 10;

function ScheduleModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [schedule, { loading }] = useMutation(SCHEDULE_EPISODE);
  return (
    <Modal
      open={open}
      title="策划一期《向前一步》"
      okText="保存"
      cancelText="取消"
      confirmLoading={loading}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="episode-modal"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v: { topic: string; airDate: { format(f: string): string }; summary?: string; caseIds?: string[]; departmentIds: string[] }) => {
          try {
            await schedule({
              variables: {
                i: {
                  topic: v.topic,
                  airDate: v.airDate.format('YYYY-MM-DD'),
                  summary: v.summary || null,
                  caseIds: v.caseIds ?? [],
                  departmentIds: v.departmentIds,
                },
              },
            });
            message.success('节目已保存，筹备与跟进任务已分派');
            onDone();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Form.Item name="topic" label="选题" rules={[{ required: true, min: 2, message: '请填写选题' }]}>
          <Input maxLength={100} data-testid="episode-topic" />
        </Form.Item>
        <Form.Item name="airDate" label="播出日期" rules={[{ required: true, message: '请选择播出日期' }]}>
          <DatePicker data-testid="episode-air-date" />
        </Form.Item>
        <Form.Item
          name="departmentIds"
          label="参与科室"
          rules={[{ required: true, message: '请选择参与科室' }]}
          extra="每个参与科室各分派一项筹备任务（播出前）和一项跟进任务（播出后），期限按工作日历计算"
        >
          <DepartmentPicker multiple testId="episode-departments" />
        </Form.Item>
        <Form.Item name="caseIds" label="关联工单">
          <CasePicker />
        </Form.Item>
        <Form.Item name="summary" label="节目简介">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 《向前一步》: episodes by air date, their departments, cases and tasks. */
export function EpisodesTab({ canAct }: { canAct: boolean }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const { data, loading, refetch } = useQuery(EPISODES_QUERY, {
    variables: { offset: (page - 1) * PAGE, limit: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const [awarding, setAwarding] = useState<Episode | null>(null);
  const [setStatus] = useMutation(SET_EPISODE_STATUS);
  const [complete] = useMutation(COMPLETE_TASK);
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      void refetch();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div data-testid="episodes-tab">
      {canAct && (
        <div className="page-toolbar">
          <span />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="episode-new">
            策划节目
          </Button>
        </div>
      )}
      <Table<Episode>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.episodes.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.episodes.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 期` }}
        locale={{ emptyText: '暂无节目' }}
        expandable={{
          expandedRowRender: (e) => (
            <Table<Task>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={e.tasks}
              columns={[
                { title: '阶段', dataIndex: 'phaseLabel', width: 70 },
                { title: '任务', dataIndex: 'title' },
                { title: '责任科室', render: (_, t) => t.department?.name, width: 120 },
                {
                  title: '期限',
                  render: (_, t) => <Typography.Text type={!t.doneAt && overdue(t.dueAt) ? 'danger' : undefined}>{formatDateTime(t.dueAt)}</Typography.Text>,
                  width: 150,
                },
                {
                  title: '完成',
                  render: (_, t) =>
                    t.doneAt ? (
                      formatDateTime(t.doneAt)
                    ) : canAct ? (
                      <Button size="small" onClick={() => void act(() => complete({ variables: { id: t.id } }), '已登记完成')}>
                        登记完成
                      </Button>
                    ) : (
                      '未完成'
                    ),
                  width: 150,
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: '播出日期', dataIndex: 'airDate', width: 110 },
          { title: '选题', dataIndex: 'topic' },
          { title: '参与科室', render: (_, e) => e.departments.map((d) => d.name).join('、'), width: 200 },
          { title: '关联工单', render: (_, e) => e.cases.map((c) => c.externalNo).join('、') || '—', width: 180 },
          {
            title: '状态',
            render: (_, e) => <Tag color={e.status === 'aired' ? 'green' : e.status === 'cancelled' ? 'default' : 'blue'}>{e.statusLabel}</Tag>,
            width: 90,
          },
          {
            title: '操作',
            width: 200,
            render: (_, e) =>
              canAct ? (
                <Space>
                  {e.status === 'planned' && (
                    <>
                      <Button
                        size="small"
                        onClick={() => void act(() => setStatus({ variables: { id: e.id, status: 'aired', v: e.version } }), '已登记播出')}
                        data-testid={`episode-aired-${e.id}`}
                      >
                        登记播出
                      </Button>
                      <Button size="small" onClick={() => void act(() => setStatus({ variables: { id: e.id, status: 'cancelled', v: e.version } }), '已取消')}>
                        取消
                      </Button>
                    </>
                  )}
                  {e.status === 'aired' && (
                    <Button size="small" type="primary" onClick={() => setAwarding(e)} data-testid={`episode-award-${e.id}`}>
                      登记加分
                    </Button>
                  )}
                </Space>
              ) : null,
          },
        ]}
      />
      <ScheduleModal
        open={creating}
        onClose={() => setCreating(false)}
        onDone={() => {
          setCreating(false);
          void refetch();
        }}
      />
      <AwardModal
        item={awarding ? { kind: 'episode', id: awarding.id, title: awarding.topic } : null}
        onClose={() => setAwarding(null)}
        onDone={() => {
          setAwarding(null);
          void refetch();
        }}
      />
    </div>
  );
}
