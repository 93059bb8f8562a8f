import { useState } from 'react';
import { Alert, App, Badge, Button, Card, Modal, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthContext';
import { HANDLING_STAGE_LABELS } from '../handling/labels';
import { ACCEPT_CASE_MUTATION } from '../handling/queries';
import { OPEN_HANDLING_STAGES, openAssistNames, pendingReviewRejection, replyBlockedReason } from '../handling/rules';
import type { Handling } from '../handling/types';
import { useCaseAction } from '../handling/useCaseAction';
import { baseCaseColumns, caseRowProps, caseTableScrollX } from '../../../shared/caseColumns';
import { confirmAction } from '../../../shared/confirm';
import { errorMessage } from '../../../shared/errors';
import { label } from '../../../shared/labels';
import { tableEmpty } from '../../../shared/TableEmpty';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { formatDateTime } from '../../../shared/time';
import type { CaseSummary, DepartmentRef, UserRef } from '../../../shared/types';
import { useNow } from '../../../shared/useNow';
import { INBOX_BUCKET_TABS, type InboxTabKey } from './buckets';
import { DeadlineCell } from './DeadlineCell';
import { deadlineOf } from './inboxFilters';
import { DEPARTMENT_INBOX_COUNTS_QUERY, DEPARTMENT_INBOX_QUERY, DEPARTMENT_RETURNS_QUERY } from './queries';
import { ReplyForm } from './ReplyForm';
import { ReturnsTable } from './ReturnsTable';
import { QuickFilter } from '../../../shared/QuickFilter';
import { QUEUE_PAGE_SIZE, useQueueView } from '../duty/queueView';

interface InboxReply {
  id: string;
  repliedAt: string;
  reviewStatus: string;
  reviewNote?: string | null;
  reviewedAt?: string | null;
  reviewedByUser?: UserRef | null;
}

type InboxCase = CaseSummary & {
  handling?: Handling | null;
  assistTasks?: { id: string; departmentId: string; department?: DepartmentRef | null; status: string }[];
  replies?: InboxReply[];
};

const POLL_MS = 30_000;
const OPEN_STAGES = OPEN_HANDLING_STAGES;
const STAGE_COLORS: Record<string, string> = { dispatched: 'geekblue', accepted: 'purple', replied: 'green', completed: 'default' };

/** 科室工作台: the department's cases in the server's buckets, plus what it returned. */
export default function InboxPage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { modal } = App.useApp();
  const now = useNow(30_000).getTime();
  const [tab, setTab] = useState<InboxTabKey>('new');
  const [replying, setReplying] = useState<InboxCase | null>(null);
  // Paged, filtered (工单编号, 标题 or 楼盘) and counted by dispatch, like the duty queues.
  const view = useQueueView();
  const isReturns = tab === 'returned';
  const inbox = useQuery(DEPARTMENT_INBOX_QUERY, {
    variables: { bucket: isReturns ? null : tab, offset: view.variables.offset, limit: view.variables.limit, filter: view.variables.filter },
    skip: isReturns,
    pollInterval: POLL_MS,
  });
  const counts = useQuery(DEPARTMENT_INBOX_COUNTS_QUERY, { pollInterval: POLL_MS });
  const returns = useQuery(DEPARTMENT_RETURNS_QUERY, { skip: !isReturns });
  const refresh = () => {
    void counts.refetch();
    void (isReturns ? returns.refetch() : inbox.refetch());
  };
  const run = useCaseAction(refresh);
  const [acceptCase] = useMutation(ACCEPT_CASE_MUTATION, {
    refetchQueries: ['DepartmentInbox', 'DepartmentInboxCounts'],
    awaitRefetchQueries: true,
  });

  const stageOf = (c: InboxCase) => c.handling?.state ?? '';
  const isLead = (c: InboxCase) => !!user.departmentId && c.assignment?.leadDepartmentId === user.departmentId;
  const inboxPage = inbox.data?.departmentInboxPage;
  const cases = inboxPage?.items ?? [];
  const error = isReturns ? returns.error : inbox.error;

  const accept = async (c: InboxCase) => {
    const ok = await confirmAction(modal, { title: `确认接收工单 ${c.externalNo}？`, content: '接收后由本科室主办，请尽快联系市民。', okText: '确认接收' });
    if (!ok) return;
    await run(() => acceptCase({ variables: { input: { caseId: c.id, expectedVersion: c.handling?.version } } }), `工单 ${c.externalNo} 已接收`);
  };

  // At 1366 px the table has ~1,080 px: the fixed columns below leave 标题 at least TITLE_MIN_WIDTH.
  const columns: TableColumnsType<InboxCase> = [
    // 二次督办: a case the citizen called unresolved comes back marked with its round.
    ...baseCaseColumns<InboxCase>({
      receivedAt: false,
      compact: true,
      numberExtra: (c) =>
        (c.handling?.round ?? 1) > 1 ? (
          <Tag color="volcano" data-testid={`inbox-round-${c.externalNo}`}>
            二次督办 · 第 {c.handling?.round} 轮
          </Tag>
        ) : null,
    }),
    { title: '分派时间', key: 'dispatchedAt', width: 96, render: (_, c) => <DateTimeCell value={c.assignment?.dispatchedAt} /> },
    {
      title: '办理时限',
      key: 'deadline',
      width: 136,
      render: (_, c) => <DeadlineCell deadline={deadlineOf(c)} now={now} open={OPEN_STAGES.includes(stageOf(c))} />,
    },
    {
      title: '状态',
      key: 'stage',
      width: 108,
      render: (_, c) => {
        const rejection = isLead(c) ? pendingReviewRejection(c.replies, stageOf(c)) : null;
        return (
          <Space size={[4, 4]} wrap>
            <Tag color={STAGE_COLORS[stageOf(c)]} data-testid="stage-tag" data-stage={stageOf(c)}>
              {label(HANDLING_STAGE_LABELS, stageOf(c))}
            </Tag>
            {isLead(c) ? (
              <Tag color="blue" data-testid="role-tag">
                主办
              </Tag>
            ) : (
              <Tag data-testid="role-tag">协办</Tag>
            )}
            {rejection && (
              <Tooltip
                title={
                  <>
                    <div>退回理由：{rejection.reviewNote?.trim() || '未填写'}</div>
                    {rejection.reviewedAt && (
                      <div>
                        {formatDateTime(rejection.reviewedAt)}
                        {rejection.reviewedByUser ? ` · ${rejection.reviewedByUser.displayName}` : ''}
                      </div>
                    )}
                  </>
                }
              >
                <Tag color="red" data-testid="review-rejected-tag" data-reason={rejection.reviewNote ?? ''}>
                  局审核退回
                </Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      fixed: 'right',
      render: (_, c) => (
        <Space size={4}>
          <Button size="small" autoInsertSpace={false} onClick={() => navigate(`/cases/${c.id}`)} data-testid={`open-${c.externalNo}`}>
            查看
          </Button>
          {isLead(c) && stageOf(c) === 'dispatched' && (
            <Button size="small" type="primary" autoInsertSpace={false} onClick={() => void accept(c)} data-testid={`accept-${c.externalNo}`}>
              接收
            </Button>
          )}
          {isLead(c) && OPEN_STAGES.includes(stageOf(c)) && (
            <Button size="small" autoInsertSpace={false} onClick={() => setReplying(c)} data-testid={`reply-${c.externalNo}`}>
              答复
            </Button>
          )}
        </Space>
      ),
    },
  ];
  const scrollX = caseTableScrollX(columns);

  const countOf = (key: InboxTabKey) => counts.data?.departmentInboxCounts[key] ?? 0;

  return (
    <Card className="page-card" data-testid="inbox-page" data-loaded={isReturns ? (returns.data ? 'true' : 'false') : inbox.data ? 'true' : 'false'}>
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          科室工作台
        </Typography.Title>
        <Space>
          <QuickFilter value={view.filter} onChange={view.setFilter} testId="inbox-filter" />
          <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="inbox-refresh">
            刷新
          </Button>
        </Space>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(error)}
          style={{ marginBottom: 12 }}
          data-testid="inbox-error"
          action={
            <Button size="small" onClick={refresh}>
              重试
            </Button>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as InboxTabKey);
          view.setPage(1);
        }}
        items={INBOX_BUCKET_TABS.map((t) => ({
          key: t.key,
          label: (
            <span data-testid={`inbox-tab-${t.key}`}>
              {t.label} <Badge count={countOf(t.key)} showZero overflowCount={999} color={t.color} data-testid={`inbox-count-${t.key}`} />
            </span>
          ),
          children:
            t.key === 'returned' ? (
              <div data-testid="inbox-table-returned">
                <ReturnsTable records={returns.data?.departmentReturns ?? []} loading={returns.loading && !returns.data} />
              </div>
            ) : (
              <div data-testid={`inbox-table-${t.key}`}>
                <Table<InboxCase>
                  rowKey="id"
                  size="middle"
                  columns={columns}
                  dataSource={tab === t.key ? cases : []}
                  loading={inbox.loading && !inbox.data}
                  onRow={caseRowProps}
                  pagination={{
                    current: view.page,
                    pageSize: QUEUE_PAGE_SIZE,
                    total: tab === t.key ? (inboxPage?.total ?? 0) : 0,
                    onChange: view.setPage,
                    showSizeChanger: false,
                    showTotal: (n) => `共 ${n} 件`,
                  }}
                  scroll={{ x: scrollX }}
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
            {openAssistNames(replying.assistTasks).length > 0 && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="assist-open-alert"
                message="协办科室尚未全部反馈，主办科室暂不能答复"
                description={`尚未反馈：${openAssistNames(replying.assistTasks).join('、')}`}
              />
            )}
            <ReplyForm
              caseId={replying.id}
              externalNo={replying.externalNo}
              expectedVersion={replying.handling?.version}
              onReplied={() => setReplying(null)}
              onConflict={refresh}
              onCancel={() => setReplying(null)}
              blockedReason={replyBlockedReason(replying.assistTasks)}
              rejection={pendingReviewRejection(replying.replies, stageOf(replying))}
            />
          </>
        )}
      </Modal>
    </Card>
  );
}
