import { useState } from 'react';
import { Alert, App, Button, Descriptions, Divider, Drawer, Form, Input, Radio, Space, Tag, Timeline, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client';
import { formatDateTime } from '../../shared/time';
import { callbackError } from './errors';
import { CALLBACK_SCRIPT, needsExplanation, OUTCOME_ENUM, OUTCOME_LABELS, SATISFACTION_LABELS, TASK_STATUS_LABELS } from './labels';
import { RECORD_ATTEMPT_MUTATION, RECORD_RESULT_MUTATION, REVEAL_PHONE_MUTATION } from './queries';
import type { CallbackTask } from './types';
import type { CallbackOutcome, Satisfaction } from '../../gql/graphql';

interface Props {
  task: CallbackTask | null;
  onClose(): void;
  onChanged(): void;
}

interface ResultValues {
  resolved: boolean;
  satisfaction: string;
  notes?: string;
  explanation?: string;
}

/** 回访 call screen: the script, the masked phone and its audited reveal, attempts, the result. */
export function CallScreen({ task: opened, onClose, onChanged }: Props) {
  // The task as the last mutation returned it (attempts, result), over the row it was opened from.
  const [latest, setLatest] = useState<(Partial<CallbackTask> & { id: string }) | null>(null);
  const task: CallbackTask | null = opened ? { ...opened, ...(latest?.id === opened.id ? latest : {}), case: opened.case } : null;
  const { message } = App.useApp();
  const [form] = Form.useForm<ResultValues>();
  const [phone, setPhone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resolved = Form.useWatch('resolved', form);
  const satisfaction = Form.useWatch('satisfaction', form);
  const [reveal, revealing] = useMutation(REVEAL_PHONE_MUTATION);
  const [attempt, attempting] = useMutation(RECORD_ATTEMPT_MUTATION);
  const [record, recording] = useMutation(RECORD_RESULT_MUTATION);
  const open = !!task;
  const canAct = !!task && task.heldByMe && task.status === 'open';
  const reached = !!task?.attemptLog.some((a) => a.outcome === 'reached');

  const close = () => {
    setLatest(null);
    setPhone(null);
    setError(null);
    form.resetFields();
    onClose();
  };

  const doReveal = async () => {
    if (!task) return;
    setError(null);
    try {
      const r = await reveal({ variables: { caseId: task.case.id, reason: `回访工单 ${task.externalNo}` } });
      setPhone(r.data?.revealCitizen.phone ?? null);
    } catch (e) {
      setError(callbackError(e));
    }
  };

  const doAttempt = async (outcome: string) => {
    if (!task) return;
    setError(null);
    try {
      const r = await attempt({ variables: { input: { taskId: task.id, outcome: OUTCOME_ENUM[outcome] as CallbackOutcome } } });
      if (r.data?.recordCallbackAttempt) setLatest(r.data.recordCallbackAttempt as CallbackTask);
      message.success(`已登记：${OUTCOME_LABELS[outcome]}`);
      onChanged();
    } catch (e) {
      setError(callbackError(e));
    }
  };

  const doResult = async (v: ResultValues) => {
    if (!task) return;
    setError(null);
    try {
      await record({
        variables: {
          input: {
            taskId: task.id,
            resolved: v.resolved,
            satisfaction: v.satisfaction as Satisfaction,
            notes: v.notes || null,
            explanation: v.explanation || null,
          },
        },
      });
      message.success(needsExplanation(v.resolved, v.satisfaction) ? '已登记回访结果，工单将重新办理（二次督办）' : '已登记回访结果');
      onChanged();
      close();
    } catch (e) {
      setError(callbackError(e));
    }
  };

  const status = task ? TASK_STATUS_LABELS[task.status] : undefined;
  return (
    <Drawer open={open} onClose={close} width={560} title={task ? `回访 · ${task.externalNo}` : '回访'} data-testid="call-screen" destroyOnClose>
      {task && (
        <>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="工单">{task.case.title ?? task.externalNo}</Descriptions.Item>
            <Descriptions.Item label="来电人">{task.case.citizenName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="电话">
              <Space>
                <span data-testid="call-phone">{phone ?? task.case.citizenPhone ?? '—'}</span>
                {canAct && !phone && (
                  <Button size="small" icon={<PhoneOutlined />} loading={revealing.loading} onClick={() => void doReveal()} data-testid="call-reveal">
                    查看完整号码
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="主办科室">{task.department?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="轮次">{task.round > 1 ? <Tag color="volcano">第 {task.round} 轮（二次督办）</Tag> : '第 1 轮'}</Descriptions.Item>
            <Descriptions.Item label="回访时限">{formatDateTime(task.dueAt)}</Descriptions.Item>
            <Descriptions.Item label="状态">{status ? <Tag color={status.color}>{status.text}</Tag> : task.status}</Descriptions.Item>
            {task.nextAttemptAt && <Descriptions.Item label="下次呼叫">{formatDateTime(task.nextAttemptAt)}</Descriptions.Item>}
          </Descriptions>
          {!task.heldByMe && task.status === 'open' && (
            <Alert style={{ marginTop: 12 }} type="info" showIcon message="请先领取该回访任务，领取后方可查看电话和登记" />
          )}
          {error && <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} data-testid="call-error" />}
          <Divider orientation="left">回访话术</Divider>
          <Typography.Paragraph type="secondary">{CALLBACK_SCRIPT.replace('{no}', task.externalNo)}</Typography.Paragraph>
          <Divider orientation="left">呼叫记录（已呼叫 {task.attempts} 次）</Divider>
          {task.attemptLog.length > 0 && (
            <Timeline
              items={task.attemptLog.map((a) => ({
                children: `${formatDateTime(a.at)} 第 ${a.attempt} 次：${OUTCOME_LABELS[a.outcome] ?? a.outcome}${a.note ? `（${a.note}）` : ''}${a.nextAttemptAt ? `，下次 ${formatDateTime(a.nextAttemptAt)}` : ''}`,
              }))}
            />
          )}
          {canAct && (
            <Space wrap data-testid="call-attempts">
              {Object.keys(OUTCOME_LABELS).map((o) => (
                <Button
                  key={o}
                  type={o === 'reached' ? 'primary' : 'default'}
                  loading={attempting.loading}
                  onClick={() => void doAttempt(o)}
                  data-testid={`call-attempt-${o}`}
                >
                  {OUTCOME_LABELS[o]}
                </Button>
              ))}
            </Space>
          )}
          {canAct && reached && (
            <>
              <Divider orientation="left">回访结果</Divider>
              <Form form={form} layout="vertical" onFinish={(v) => void doResult(v)} data-testid="call-result-form">
                <Form.Item name="resolved" label="是否解决" rules={[{ required: true, message: '请选择是否解决' }]}>
                  <Radio.Group
                    options={[
                      { value: true, label: '已解决' },
                      { value: false, label: '未解决' },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="satisfaction" label="满意度" rules={[{ required: true, message: '请选择满意度' }]}>
                  <Radio.Group options={Object.entries(SATISFACTION_LABELS).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
                <Form.Item name="notes" label="回访记录">
                  <Input.TextArea rows={3} maxLength={1000} />
                </Form.Item>
                {needsExplanation(resolved, satisfaction) && (
                  <Form.Item name="explanation" label="重办说明（工单将退回主办科室重新办理）" rules={[{ required: true, message: '请填写重办说明' }]}>
                    <Input.TextArea rows={3} maxLength={500} data-testid="call-explanation" />
                  </Form.Item>
                )}
                <Button type="primary" htmlType="submit" loading={recording.loading} data-testid="call-submit">
                  提交回访结果
                </Button>
              </Form>
            </>
          )}
          {task.result && (
            <>
              <Divider orientation="left">本轮结果</Divider>
              <Typography.Text data-testid="call-result">
                {task.result.reached
                  ? `${task.result.resolved ? '已解决' : '未解决'}，${SATISFACTION_LABELS[task.result.satisfaction ?? ''] ?? '—'}`
                  : '未接通'}
              </Typography.Text>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
