import type { HTMLAttributes } from 'react';
import { Card, Empty, List, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { actorRoleLabel, label } from '../../../shared/labels';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { formatDateTime } from '../../../shared/time';
import { ExtensionDecision } from './ExtensionDecision';
import { ASSIST_STATUS_LABELS, EXTENSION_STATUS_LABELS, formatMinutes, RECORD_KIND_LABELS, returnReasonLabel } from './labels';
import type { AssignmentRecord, CaseDispatchView } from './types';

const KIND_COLORS: Record<string, string> = { dispatch: 'blue', redispatch: 'orange', return: 'red' };
const EXT_COLORS: Record<string, string> = { pending: 'gold', approved: 'green', refused: 'red', withdrawn: 'default' };

type Section = 'history' | 'assists' | 'extensions';

interface Props {
  v: CaseDispatchView;
  /** Which cards to show (default all): 分派记录, 协办任务, 延期申请. */
  sections?: Section[];
  /** Supervisors decide pending extension requests here. */
  canDecideExtensions: boolean;
  onChanged(): void;
}

const historyColumns: TableColumnsType<AssignmentRecord> = [
  {
    title: '操作',
    dataIndex: 'kind',
    width: 64,
    render: (k: string) => <Tag color={KIND_COLORS[k]}>{label(RECORD_KIND_LABELS, k)}</Tag>,
  },
  { title: '时间', dataIndex: 'at', width: 100, render: (v: string) => <DateTimeCell value={v} /> },
  {
    title: '操作人',
    key: 'by',
    width: 110,
    render: (_, r) => [r.by?.displayName, actorRoleLabel(r.byRole)].filter(Boolean).join(' · '),
  },
  { title: '原科室', key: 'from', width: 100, render: (_, r) => r.fromDepartment?.name ?? (r.fromDepartmentId ? r.fromDepartmentId : '—') },
  { title: '新主办', key: 'to', width: 100, render: (_, r) => r.toDepartment?.name ?? (r.kind === 'return' ? '退回待分转' : '—') },
  {
    title: '原因',
    key: 'reason',
    render: (_, r) => {
      const code = r.reasonCode ? returnReasonLabel(r.reasonCode) : null;
      return [code, r.reason].filter(Boolean).join('：') || '—';
    },
  },
  { title: '原科室持有', dataIndex: 'heldMinutes', width: 90, render: (m: number | null) => (m === null || m === undefined ? '—' : formatMinutes(m)) },
];

/** 分派记录, 协办任务 and 延期申请 of a case. */
export function DispatchRecords({ v, sections = ['history', 'assists', 'extensions'], canDecideExtensions, onChanged }: Props) {
  return (
    <>
      {sections.includes('history') && (
        <Card size="small" title="分派记录" style={{ marginTop: 16 }} data-testid="assignment-history">
          <Table<AssignmentRecord>
            rowKey="id"
            size="small"
            columns={historyColumns}
            dataSource={v.assignmentHistory}
            pagination={false}
            scroll={{ x: 640 }}
            onRow={(r) => ({ 'data-testid': 'assignment-record', 'data-kind': r.kind }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无分派记录" /> }}
          />
        </Card>
      )}
      {sections.includes('assists') && v.assistTasks.length > 0 && (
        <Card size="small" title="协办任务" style={{ marginTop: 16 }} data-testid="assist-tasks">
          <List
            dataSource={v.assistTasks}
            renderItem={(t) => (
              <List.Item key={t.id} data-testid="assist-task" data-status={t.status}>
                <List.Item.Meta
                  title={
                    <Space size={8} wrap>
                      {t.department?.name ?? t.departmentId}
                      <Tag color={t.status === 'reported' ? 'green' : t.status === 'open' ? 'gold' : 'default'}>{label(ASSIST_STATUS_LABELS, t.status)}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        分派于 {formatDateTime(t.assignedAt)}
                        {t.reportedAt && ` · 反馈于 ${formatDateTime(t.reportedAt)}`}
                        {t.reportedByUser && ` · ${t.reportedByUser.displayName}`}
                      </Typography.Text>
                    </Space>
                  }
                  description={t.reportText ? <div className="pre-wrap">{t.reportText}</div> : '尚未反馈'}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      {sections.includes('extensions') && v.extensions.length > 0 && (
        <Card size="small" title="延期申请" style={{ marginTop: 16 }} data-testid="case-extensions">
          <List
            dataSource={v.extensions}
            renderItem={(x) => (
              <List.Item
                key={x.id}
                data-testid="extension-item"
                data-status={x.status}
                actions={
                  canDecideExtensions && x.status === 'pending'
                    ? [<ExtensionDecision key="d" extension={x} externalNo={v.externalNo} expectedVersion={v.handling?.version} onChanged={onChanged} />]
                    : undefined
                }
              >
                <List.Item.Meta
                  title={
                    <Space size={8} wrap>
                      {x.department?.name ?? x.departmentId}
                      <Tag color={EXT_COLORS[x.status]}>{label(EXTENSION_STATUS_LABELS, x.status)}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        申请延至 {formatDateTime(x.requestedUntil)}（原时限 {formatDateTime(x.currentDeadlineAt)}）
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <div className="pre-wrap">延期理由：{x.reason}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(x.requestedAt)} · {x.requestedByUser?.displayName ?? '—'}
                        {x.decidedAt && ` ｜ ${formatDateTime(x.decidedAt)} 由 ${x.decidedByUser?.displayName ?? '—'} 审批`}
                        {x.decisionNote && `：${x.decisionNote}`}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
