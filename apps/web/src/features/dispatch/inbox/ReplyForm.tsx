import { useState } from 'react';
import { Alert, App, Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { actionErrorMessage, errorDetails, errorReason } from '../handling/useCaseAction';
import { confirmAction } from '../../../shared/confirm';
import { errorCode } from '../../../shared/errors';
import { DEPARTMENTS_QUERY } from '../../../shared/fragments';
import { REPLY_RESULT_LABELS } from '../../../shared/labels';
import { formatDateTime } from '../../../shared/time';
import type { ReplyResult } from '../../../shared/types';
import { REPLY_CASE_MUTATION } from './queries';
import { OFFERED_REPLY_SCRIPT_QUERY } from '../../scripts/queries';
import type { ReplyScriptOffer } from '../../scripts/types';

interface Props {
  caseId: string;
  externalNo: string;
  onReplied?(): void;
  /** Handling.version as seen on screen, sent as expectedVersion. */
  expectedVersion?: number | null;
  /** Called when the server refuses because the case changed (CONFLICT). */
  onConflict?(): void;
  /** Why the reply cannot be sent yet (e.g. 协办 not reported): the submit button is disabled and this is shown. */
  blockedReason?: string | null;
  /** The reply the bureau sent back (局审核退回): its reason is shown above the form. */
  rejection?: { reviewNote?: string | null; reviewedAt?: string | null; reviewedByUser?: { displayName: string } | null } | null;
  /** Shows a 取消 button (the form in a dialog). */
  onCancel?(): void;
}

interface ReplyFormValues {
  result: ReplyResult;
  text: string;
}

const RESULT_OPTIONS = (Object.keys(REPLY_RESULT_LABELS) as ReplyResult[]).map((value) => ({
  value,
  label: REPLY_RESULT_LABELS[value],
}));

/** 答复: the lead department's answer — a result and the reply text. */
export function ReplyForm({ caseId, externalNo, onReplied, expectedVersion, onConflict, blockedReason, rejection, onCancel }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ReplyFormValues>();
  const [error, setError] = useState<string | null>(null);
  const [openAssists, setOpenAssists] = useState<string[]>([]);
  const { data: deps } = useQuery(DEPARTMENTS_QUERY, { errorPolicy: 'ignore' });
  const nameOf = (id: string) => deps?.departments.find((d) => d.id === id)?.name ?? id;
  // 统一答复口径: the published script dispatch offers for this case (cluster > project > topic).
  const offered = useQuery(OFFERED_REPLY_SCRIPT_QUERY, {
    variables: { id: caseId },
    errorPolicy: 'ignore',
    fetchPolicy: 'cache-and-network',
  });
  const offer = offered.data?.case?.offeredReplyScript ?? null;
  const [adopted, setAdopted] = useState<ReplyScriptOffer | null>(null);
  const [replyCase, { loading }] = useMutation(REPLY_CASE_MUTATION, {
    // Whichever of the inbox / case page is on screen refreshes.
    refetchQueries: 'active',
    awaitRefetchQueries: true,
  });

  const onFinish = async (values: ReplyFormValues) => {
    if (blockedReason) return;
    const ok = await confirmAction(modal, {
      title: `确认提交工单 ${externalNo} 的答复？`,
      content: `办理结果：${REPLY_RESULT_LABELS[values.result]}。提交后不可修改。`,
      okText: '确认提交',
    });
    if (!ok) return;
    setError(null);
    setOpenAssists([]);
    try {
      await replyCase({
        variables: {
          input: {
            caseId,
            result: values.result,
            text: values.text.trim(),
            expectedVersion: expectedVersion ?? undefined,
            ...(adopted ? { scriptId: adopted.scriptId, scriptVersion: adopted.version } : {}),
          },
        },
      });
      message.success(`工单 ${externalNo} 已答复`);
      form.resetFields();
      setAdopted(null);
      onReplied?.();
    } catch (e) {
      setError(actionErrorMessage(e));
      if (errorReason(e) === 'ASSIST_OPEN') {
        const ids = errorDetails(e)?.departmentIds;
        setOpenAssists(Array.isArray(ids) ? ids.map(String) : []);
      }
      if (errorCode(e) === 'CONFLICT') onConflict?.();
      // The script was replaced or withdrawn meanwhile: show the one in force now.
      if (String(errorReason(e)).startsWith('SCRIPT_')) {
        setAdopted(null);
        void offered.refetch();
      }
    }
  };

  return (
    <div data-testid="reply-form" data-blocked={blockedReason ? 'true' : 'false'}>
      {rejection && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="reply-review-rejection"
          message={<span data-testid="reply-review-rejection-reason">局审核退回：{rejection.reviewNote?.trim() || '未填写退回理由'}</span>}
          description={`${rejection.reviewedAt ? `${formatDateTime(rejection.reviewedAt)} ` : ''}${rejection.reviewedByUser?.displayName ? `由 ${rejection.reviewedByUser.displayName} ` : ''}退回了上次的答复，请按审核意见重新办理后再次答复。`}
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          description={openAssists.length > 0 ? `尚未反馈的协办科室：${openAssists.map(nameOf).join('、')}` : undefined}
          className="login-alert"
          data-testid="reply-error"
        />
      )}
      {offer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="reply-offered-script"
          message={
            <span>
              统一答复口径：{offer.title}（第 {offer.version} 版）{adopted ? '　已采用' : ''}
            </span>
          }
          description={<div style={{ whiteSpace: 'pre-wrap' }}>{offer.text}</div>}
          action={
            adopted ? (
              <Button size="small" onClick={() => setAdopted(null)} data-testid="reply-script-drop">
                不采用
              </Button>
            ) : (
              <Button
                size="small"
                type="primary"
                onClick={() => {
                  setAdopted(offer);
                  form.setFieldValue('text', offer.text);
                }}
                data-testid="reply-script-adopt"
              >
                采用此口径
              </Button>
            )
          }
        />
      )}
      <Form<ReplyFormValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请选择办理结果' }]}>
          <Radio.Group data-testid="reply-result">
            {RESULT_OPTIONS.map((o) => (
              <Radio key={o.value} value={o.value} data-testid={`reply-result-${o.value}`}>
                {o.label}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="text"
          label="答复内容"
          rules={[
            { required: true, whitespace: true, message: '请输入答复内容' },
            { min: 5, message: '答复内容至少 5 个字' },
          ]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder="请写明办理过程、结果以及与市民沟通的情况" data-testid="reply-text" />
        </Form.Item>
        <Space wrap align="center">
          <Button type="primary" htmlType="submit" loading={loading} disabled={!!blockedReason} title={blockedReason ?? undefined} data-testid="reply-submit">
            提交答复
          </Button>
          {onCancel && (
            <Button onClick={onCancel} data-testid="reply-cancel">
              取消
            </Button>
          )}
          {blockedReason && (
            <Typography.Text type="warning" data-testid="reply-blocked-reason">
              {blockedReason}
            </Typography.Text>
          )}
        </Space>
      </Form>
    </div>
  );
}
