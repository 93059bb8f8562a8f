import { useState } from 'react';
import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthContext';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { label, REPLY_RESULT_LABELS } from '../../../shared/labels';
import { QueryState } from '../../../shared/QueryState';
import { StageTag } from '../../../shared/tags';
import { tableEmpty } from '../../../shared/TableEmpty';
import { formatDateTime } from '../../../shared/time';
import { LinkCaseModal, type LinkTarget } from './LinkCaseModal';
import { REPEAT_CANDIDATES_QUERY } from './queries';
import { LINK_KIND_LABELS, type LinkKind, type RepeatCandidate } from './types';

interface Props {
  caseId: string;
  externalNo: string;
}

/** 疑似重复件: earlier cases like this one, with their stage and outcome; duty links them. */
export function RepeatCandidatesPanel({ caseId, externalNo }: Props) {
  const user = useCurrentUser();
  const [target, setTarget] = useState<LinkTarget | null>(null);
  const { data, loading, error, refetch } = useQuery(REPEAT_CANDIDATES_QUERY, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
  });
  const c = data?.case;
  const linked = !!c?.masterCaseId;
  const canLink = user.role === 'duty' && !linked;

  const open = (r: RepeatCandidate, kind: LinkKind) => setTarget({ caseId, externalNo, masterCaseId: r.case.id, masterExternalNo: r.case.externalNo, kind });

  // Fits the expanded row at 1366 px without sideways scrolling: number and title share a cell,
  // so do stage and outcome; the buttons are always in view.
  const columns: TableColumnsType<RepeatCandidate> = [
    {
      title: '较早工单',
      key: 'case',
      render: (_, r) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/cases/${r.case.id}`} data-testid={`candidate-link-${r.case.externalNo}`}>
            {r.case.externalNo}
          </Link>
          <Typography.Text ellipsis={{ tooltip: r.case.title }} style={{ display: 'block' }}>
            {r.case.title}
          </Typography.Text>
        </div>
      ),
    },
    { title: '主题', key: 'topic', width: 96, ellipsis: true, render: (_, r) => r.case.topic },
    { title: '收到时间', key: 'receivedAt', width: 100, render: (_, r) => <DateTimeCell value={r.case.receivedAt} /> },
    {
      title: '环节 / 办理结果',
      key: 'stage',
      width: 124,
      render: (_, r) => (
        <Space direction="vertical" size={2}>
          <StageTag stage={r.case.stage} />
          {r.case.replyResult ? (
            <span title={r.case.completedAt ? `办结于 ${formatDateTime(r.case.completedAt)}` : undefined}>
              {label(REPLY_RESULT_LABELS, r.case.replyResult)}
            </span>
          ) : (
            <Typography.Text type="secondary">未答复</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: '相似度',
      dataIndex: 'score',
      width: 72,
      render: (v: number) => `${Math.round(v * 100)}%`,
    },
    {
      title: '相似原因',
      dataIndex: 'reasons',
      width: 150,
      render: (reasons: string[]) => (
        <Space size={[0, 4]} wrap>
          {reasons.map((r) => (
            <Tag key={r} color="orange" style={{ marginInlineEnd: 0 }}>
              {r}
            </Tag>
          ))}
        </Space>
      ),
    },
  ];
  if (canLink) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 184,
      render: (_, r) => (
        <Space size={6}>
          <Button size="small" onClick={() => open(r, 'repeat')} data-testid={`link-repeat-${r.case.externalNo}`}>
            关联为重复件
          </Button>
          <Button size="small" onClick={() => open(r, 'merge')} data-testid={`link-merge-${r.case.externalNo}`}>
            并单
          </Button>
        </Space>
      ),
    });
  }

  return (
    <div data-testid={`repeat-candidates-${externalNo}`} style={{ padding: '4px 0' }}>
      <QueryState loading={loading && !c} error={c ? undefined : error} onRetry={() => void refetch()} testId="repeat-candidates">
        {linked && (
          <Typography.Paragraph type="secondary" data-testid="repeat-already-linked">
            本工单已作为{label(LINK_KIND_LABELS, c?.linkKind)}关联到其他工单。
          </Typography.Paragraph>
        )}
        <Table<RepeatCandidate>
          rowKey={(r) => r.case.id}
          size="small"
          columns={columns}
          dataSource={c?.repeatCandidates ?? []}
          pagination={false}
          tableLayout="fixed"
          locale={{ emptyText: tableEmpty('未发现疑似重复的较早工单') }}
          data-testid="repeat-candidates-table"
        />
      </QueryState>
      <LinkCaseModal target={target} onClose={() => setTarget(null)} />
    </div>
  );
}
