import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import { useMutation } from '@apollo/client';
import { ReplyForm } from '../inbox/ReplyForm';
import { confirmAction } from '../../../shared/confirm';
import { label } from '../../../shared/labels';
import { formatDateTime } from '../../../shared/time';
import type { User } from '../../../shared/types';
import { AssistReportForm } from './AssistReportForm';
import { ContactModal } from './ContactModal';
import { ExtensionModal } from './ExtensionModal';
import { CONTACT_CHANNEL_LABELS, HANDLING_STAGE_LABELS } from './labels';
import { ReturnModal } from './ReturnModal';
import { ACCEPT_CASE_MUTATION } from './queries';
import { OPEN_HANDLING_STAGES, openAssistNames, pendingReviewRejection, replyBlockedReason } from './rules';
import type { CaseDispatchView } from './types';
import { useCaseAction } from './useCaseAction';

interface Props {
  v: CaseDispatchView;
  user: User;
  onChanged(): void;
}

/** 办理: the handler's actions allowed in the case's current stage. */
export function HandlingPanel({ v, user, onChanged }: Props) {
  const { modal } = App.useApp();
  const [dialog, setDialog] = useState<'contact' | 'extension' | 'return' | null>(null);
  const run = useCaseAction(onChanged);
  const [acceptCase, { loading: accepting }] = useMutation(ACCEPT_CASE_MUTATION, { refetchQueries: 'active', awaitRefetchQueries: true });

  const h = v.handling;
  // What may be done is dispatch's to say (its handling state); the case's stage is Case.stage.
  const stage = h?.state ?? '';
  const version = h?.version;
  const isLead = !!user.departmentId && v.assignment?.leadDepartmentId === user.departmentId;
  const myAssist = v.assistTasks.find((t) => t.departmentId === user.departmentId && t.status === 'open');
  const openAssists = openAssistNames(v.assistTasks);
  const replyBlocked = replyBlockedReason(v.assistTasks);
  const rejection = pendingReviewRejection(v.replies, stage);
  const pendingExtension = v.extensions.some((x) => x.status === 'pending');
  const open = OPEN_HANDLING_STAGES.includes(stage);
  if (!isLead && !myAssist) return null;

  const accept = async () => {
    const ok = await confirmAction(modal, { title: `确认接收工单 ${v.externalNo}？`, content: '接收后由本科室主办，请尽快联系市民。', okText: '确认接收' });
    if (!ok) return;
    await run(() => acceptCase({ variables: { input: { caseId: v.id, expectedVersion: version } } }), `工单 ${v.externalNo} 已接收`);
  };

  return (
    <Card
      size="small"
      title={isLead ? '办理（主办科室）' : '办理（协办科室）'}
      style={{ marginTop: 16 }}
      data-testid="handling-panel"
      data-stage={stage}
      data-version={version}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="办理环节">
          <span data-testid="handling-stage">{label(HANDLING_STAGE_LABELS, stage)}</span>
        </Descriptions.Item>
        <Descriptions.Item label="接收时间">
          {formatDateTime(h?.acceptedAt)}
          {h?.acceptedBy && ` · ${h.acceptedBy.displayName}`}
        </Descriptions.Item>
        <Descriptions.Item label="首次联系">
          <span data-testid="handling-contact">
            {h?.contactedAt ? `${formatDateTime(h.contactedAt)} · ${label(CONTACT_CHANNEL_LABELS, h.contactChannel)}` : '尚未联系'}
          </span>
        </Descriptions.Item>
      </Descriptions>

      {isLead && open && (
        <Space wrap style={{ marginBottom: 12 }}>
          {stage === 'dispatched' && (
            <Button type="primary" loading={accepting} onClick={accept} data-testid="handling-accept">
              接收
            </Button>
          )}
          {!h?.contactedAt && (
            <Button onClick={() => setDialog('contact')} data-testid="handling-contact-button">
              记录首次联系
            </Button>
          )}
          <Button
            onClick={() => setDialog('extension')}
            disabled={pendingExtension || !v.assignment?.deadlineAt}
            title={pendingExtension ? '已有待审批的延期申请' : undefined}
            data-testid="handling-extension-button"
          >
            {pendingExtension ? '延期审批中' : '申请延期'}
          </Button>
          <Button danger onClick={() => setDialog('return')} data-testid="handling-return-button">
            退回
          </Button>
        </Space>
      )}
      {isLead && !open && (
        <Typography.Paragraph type="secondary" data-testid="handling-closed">
          {stage === 'replied' ? '已答复，等待局审核。' : stage === 'completed' ? '工单已办结。' : '当前环节无需本科室操作。'}
        </Typography.Paragraph>
      )}

      {isLead && open && (
        <>
          {openAssists.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="assist-open-alert"
              message="协办科室尚未全部反馈，主办科室暂不能答复"
              description={`尚未反馈：${openAssists.join('、')}`}
            />
          )}
          <Typography.Title level={5}>答复</Typography.Title>
          <ReplyForm
            caseId={v.id}
            externalNo={v.externalNo}
            expectedVersion={version}
            onReplied={onChanged}
            onConflict={onChanged}
            blockedReason={replyBlocked}
            rejection={rejection}
          />
        </>
      )}

      {myAssist && open && <AssistReportForm caseId={v.id} externalNo={v.externalNo} expectedVersion={version} onChanged={onChanged} />}

      <ContactModal
        open={dialog === 'contact'}
        caseId={v.id}
        externalNo={v.externalNo}
        expectedVersion={version}
        dispatchedAt={v.assignment?.dispatchedAt}
        onClose={() => setDialog(null)}
        onChanged={onChanged}
      />
      <ExtensionModal
        open={dialog === 'extension'}
        caseId={v.id}
        externalNo={v.externalNo}
        deadlineAt={v.assignment?.deadlineAt}
        expectedVersion={version}
        onClose={() => setDialog(null)}
        onChanged={onChanged}
      />
      <ReturnModal
        open={dialog === 'return'}
        caseId={v.id}
        externalNo={v.externalNo}
        expectedVersion={version}
        onClose={() => setDialog(null)}
        onChanged={onChanged}
      />
    </Card>
  );
}
