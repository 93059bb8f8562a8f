import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Modal, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../auth/AuthContext';
import { baseCaseColumns, caseRowProps } from '../shared/caseColumns';
import { errorMessage } from '../shared/errors';
import { StageTag } from '../shared/tags';
import { tableEmpty } from '../shared/TableEmpty';
import { DateTimeCell } from '../shared/DateTimeCell';
import type { CaseSummary } from '../shared/types';
import { useNow } from '../shared/useNow';
import { DeadlineCell } from './DeadlineCell';
import { deadlineOf, filterInbox, INBOX_TABS, isOpen, type InboxTab } from './inboxFilters';
import { DEPARTMENT_INBOX_QUERY } from './queries';
import { ReplyForm } from './ReplyForm';

/** 科室工作台: the department's cases, split into tabs by status and deadline. */
export default function InboxPage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const isLead = (c: CaseSummary) => !!user.departmentId && c.assignment?.leadDepartmentId === user.departmentId;
  const now = useNow(30_000).getTime();
  const [tab, setTab] = useState<InboxTab>('new');
  const [replying, setReplying] = useState<CaseSummary | null>(null);
  const { data, loading, error, refetch } = useQuery<{ departmentInbox: CaseSummary[] }>(DEPARTMENT_INBOX_QUERY, {
    pollInterval: 30_000,
  });
  const cases = data?.departmentInbox ?? [];
  const byTab = useMemo(
    () => Object.fromEntries(INBOX_TABS.map((t) => [t.key, filterInbox(cases, t.key, now)])) as Record<InboxTab, CaseSummary[]>,
    [cases, now],
  );

  const columns: TableColumnsType<CaseSummary> = [
    ...baseCaseColumns<CaseSummary>({ receivedAt: false }),
    {
      title: '分派时间',
      key: 'dispatchedAt',
      width: 110,
      render: (_, c) => <DateTimeCell value={c.assignment?.dispatchedAt} />,
    },
    {
      title: '办理时限',
      key: 'deadline',
      width: 150,
      render: (_, c) => <DeadlineCell deadline={deadlineOf(c)} now={now} open={isOpen(c)} />,
    },
    {
      title: '承办',
      key: 'role',
      width: 70,
      render: (_, c) => (isLead(c) ? <Tag color="blue">主办</Tag> : <Tag>协办</Tag>),
    },
    { title: '状态', dataIndex: 'stage', width: 100, render: (stage: string) => <StageTag stage={stage} /> },
    {
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, c) => (
        <Space size={4}>
          <Button size="small" onClick={() => navigate(`/cases/${c.id}`)} data-testid={`open-${c.externalNo}`}>
            查看
          </Button>
          {isOpen(c) && isLead(c) && (
            <Button size="small" type="primary" onClick={() => setReplying(c)} data-testid={`reply-${c.externalNo}`}>
              答复
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card className="page-card" data-testid="inbox-page" data-loaded={data ? 'true' : 'false'}>
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          科室工作台
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={() => void refetch()} data-testid="inbox-refresh">
          刷新
        </Button>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(error)}
          style={{ marginBottom: 12 }}
          data-testid="inbox-error"
          action={<Button size="small" onClick={() => void refetch()}>重试</Button>}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as InboxTab)}
        items={INBOX_TABS.map((t) => ({
          key: t.key,
          label: (
            <span data-testid={`inbox-tab-${t.key}`}>
              {t.label}{' '}
              <Badge
                count={byTab[t.key].length}
                showZero
                color={t.key === 'overdue' ? '#ff4d4f' : t.key === 'dueSoon' ? '#faad14' : '#1d5fbf'}
              />
            </span>
          ),
          children: (
            <div data-testid={`inbox-table-${t.key}`}>
              <Table<CaseSummary>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={byTab[t.key]}
                loading={loading && !data}
                onRow={caseRowProps}
                pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 件` }}
                scroll={{ x: 1070 }}
                locale={{ emptyText: tableEmpty(t.emptyText) }}
              />
            </div>
          ),
        }))}
      />
      <Modal
        open={replying !== null}
        title={replying ? `答复工单 ${replying.externalNo}` : '答复工单'}
        footer={null}
        width={640}
        onCancel={() => setReplying(null)}
        destroyOnHidden
      >
        {replying && (
          <>
            <Typography.Paragraph type="secondary">{replying.title}</Typography.Paragraph>
            <ReplyForm caseId={replying.id} externalNo={replying.externalNo} onReplied={() => setReplying(null)} />
          </>
        )}
      </Modal>
    </Card>
  );
}
