import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { useAuth } from '../auth/AuthContext';
import { MeetingDrawer } from './MeetingDrawer';
import { ScheduleMeetingModal } from './MeetingModals';
import { MEETINGS_QUERY } from './queries';
import type { MeetingSummary } from './types';

const PAGE = 20;

/** 调度会 (supervisors prepare, leaders chair): the meetings by date, paged on the server; a row opens its detail. */
export default function MeetingsPage() {
  const { user } = useAuth();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const { data, loading, refetch } = useQuery(MEETINGS_QUERY, {
    variables: { offset: (page - 1) * PAGE, limit: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <Card className="page-card" data-testid="meetings-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          调度会
        </Typography.Title>
        {user?.role === 'supervisor' && (
          <Button type="primary" onClick={() => setScheduling(true)} data-testid="meeting-new">
            安排调度会
          </Button>
        )}
      </div>
      <Table<MeetingSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.dispatchMeetings.items ?? []}
        pagination={{ current: page, pageSize: PAGE, total: data?.dispatchMeetings.total ?? 0, onChange: setPage }}
        locale={{ emptyText: '暂无调度会' }}
        onRow={(m) => ({ onClick: () => setOpen(m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '会议日期', dataIndex: 'heldOn', width: 110 },
          { title: '会议名称', dataIndex: 'title' },
          { title: '议题', render: (_, m) => m.topics.map((t) => t.title).join('；') },
          { title: '参会科室', render: (_, m) => m.departments.map((d) => d.name).join('、'), width: 240 },
          { title: '任务（未完成/全部）', render: (_, m) => `${m.openTaskCount} / ${m.taskCount}`, width: 150 },
        ]}
      />
      <ScheduleMeetingModal
        open={scheduling}
        onClose={() => setScheduling(false)}
        onDone={(id) => {
          setScheduling(false);
          void refetch();
          setOpen(id);
        }}
      />
      <MeetingDrawer
        id={open}
        onClose={() => {
          setOpen(null);
          void refetch();
        }}
      />
    </Card>
  );
}
