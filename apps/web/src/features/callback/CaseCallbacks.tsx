import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { formatDateTime } from '../../shared/time';
import { callbackError } from './errors';
import { awaitingNextRound, OUTCOME_LABELS, SATISFACTION_LABELS, SUPERVISION_OUTCOME_LABELS, TASK_STATUS_LABELS } from './labels';
import { CASE_CALLBACKS_QUERY, OPEN_SECOND_ROUND_MUTATION } from './queries';

const answer = (a: { reached: boolean; resolved: boolean | null; satisfaction: string | null } | null) =>
  !a ? '—' : a.reached ? `${a.resolved ? '已解决' : '未解决'} · ${SATISFACTION_LABELS[a.satisfaction ?? ''] ?? '—'}` : '未接通';

/** 工单详情: each callback round (attempts, the bureau's answer beside the district platform's) and 二次督办. */
export function CaseCallbacks({ caseId }: { caseId: string }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [explanation, setExplanation] = useState('');
  const q = useQuery(CASE_CALLBACKS_QUERY, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
    errorPolicy: 'all',
  });
  const [openRound, opening] = useMutation(OPEN_SECOND_ROUND_MUTATION, { refetchQueries: 'active' });
  const awaiting = awaitingNextRound(q.data?.case);
  const { startPolling, stopPolling } = q;
  useEffect(() => {
    if (!awaiting) return;
    startPolling(2_000);
    return () => stopPolling();
  }, [awaiting, startPolling, stopPolling]);
  const c = q.data?.case;
  if (!c) return null;
  const openSupervision = c.supervisions.some((s) => s.status === 'open');
  const submit = async () => {
    try {
      await openRound({ variables: { caseId, explanation } });
      message.success('已发起二次督办，工单退回主办科室重新办理');
      setAsking(false);
      setExplanation('');
    } catch (e) {
      message.error(callbackError(e));
    }
  };
  return (
    <Card
      size="small"
      title={`回访与二次督办${c.handlingRound > 1 ? `（当前第 ${c.handlingRound} 轮）` : ''}`}
      style={{ marginTop: 16 }}
      data-testid="case-callbacks"
      extra={
        user.role === 'supervisor' && c.callbacks.length > 0 && !openSupervision ? (
          <Button size="small" onClick={() => setAsking(true)} data-testid="open-second-round">
            发起二次督办
          </Button>
        ) : undefined
      }
    >
      {c.callbacks.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="办结后生成回访任务" />}
      {c.callbacks.map((t) => (
        <Descriptions
          key={t.id}
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          style={{ marginBottom: 12 }}
          title={`第 ${t.round} 轮回访`}
          data-testid={`callback-round-${t.round}`}
        >
          <Descriptions.Item label="状态">
            <Tag color={TASK_STATUS_LABELS[t.status]?.color}>{TASK_STATUS_LABELS[t.status]?.text ?? t.status}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="回访时限">{formatDateTime(t.dueAt)}</Descriptions.Item>
          <Descriptions.Item label="回访员">{t.assignee?.displayName ?? '未领取'}</Descriptions.Item>
          <Descriptions.Item label="呼叫">{t.attemptLog.map((a) => OUTCOME_LABELS[a.outcome] ?? a.outcome).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="本局回访结果">{answer(t.result)}</Descriptions.Item>
          <Descriptions.Item label="区级平台回访结果">{answer(t.official)}</Descriptions.Item>
          {t.result?.notes && (
            <Descriptions.Item label="回访记录" span={2}>
              {t.result.notes}
            </Descriptions.Item>
          )}
        </Descriptions>
      ))}
      {awaiting && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message="回访结果为未解决或不满意，正在开启二次督办…" data-testid="supervision-opening" />
      )}
      {c.supervisions.map((s) => (
        <Alert
          key={s.id}
          type={s.status === 'open' ? 'warning' : s.outcome === 'resolved' ? 'success' : 'error'}
          style={{ marginBottom: 8 }}
          data-testid={`supervision-round-${s.round}`}
          message={
            <Space wrap>
              <Typography.Text strong>二次督办 · 第 {s.round} 轮</Typography.Text>
              <span>{s.trigger === 'callback' ? '回访不满意' : `督办员发起${s.openedBy ? `（${s.openedBy.displayName}）` : ''}`}</span>
              <span>时限 {formatDateTime(s.dueAt)}</span>
              <Tag>{s.status === 'open' ? '督办中' : (SUPERVISION_OUTCOME_LABELS[s.outcome ?? ''] ?? '已结束')}</Tag>
            </Space>
          }
          description={`重办说明：${s.reason}`}
        />
      ))}
      <Modal
        open={asking}
        title="发起二次督办"
        onCancel={() => setAsking(false)}
        onOk={() => void submit()}
        okButtonProps={{ disabled: explanation.trim().length < 4, loading: opening.loading }}
      >
        <Input.TextArea
          rows={4}
          maxLength={500}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          placeholder="重办说明（至少 4 个字）：为什么需要再次办理"
        />
      </Modal>
    </Card>
  );
}
