import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useMutation } from '@apollo/client';
import { LINK_KINDS } from '@hotline/contracts/browser';
import { confirmAction } from '../../../shared/confirm';
import { errorMessage } from '../../../shared/errors';
import { LINK_CASE_MUTATION } from './queries';
import { LINK_KIND_LABELS, type LinkKind } from './types';

export interface LinkTarget {
  caseId: string;
  externalNo: string;
  masterCaseId: string;
  masterExternalNo: string;
  kind: LinkKind;
}

interface Props {
  target: LinkTarget | null;
  onClose(): void;
  onLinked?(): void;
}

const KIND_HELP: Record<LinkKind, string> = {
  repeat: '同一诉求再次来电：本工单记为主工单的重复件，主工单重复次数加一，分级按规则调整。',
  merge: '并单办理：本工单随主工单一并办理，主工单的答复同时答复本工单的来电人。',
};

/** 关联为重复件 / 并单 with a reason and a confirmation (linkCase). */
export function LinkCaseModal({ target, onClose, onLinked }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ kind: LinkKind; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [linkCase, { loading }] = useMutation(LINK_CASE_MUTATION, {
    refetchQueries: ['UnsignedCases', 'UnsignedSummary', 'RepeatCandidates', 'CaseIntakeDetail', 'DispatchQueue'],
    awaitRefetchQueries: true,
  });
  const kind = Form.useWatch('kind', form) ?? target?.kind ?? 'repeat';

  useEffect(() => {
    if (target) {
      form.setFieldsValue({ kind: target.kind, reason: '' });
      setError(null);
    }
  }, [target, form]);

  if (!target) return null;

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await confirmAction(modal, {
      title: `确认${v.kind === 'merge' ? '并单' : '关联为重复件'}？`,
      okText: '确认关联',
      content: `工单 ${target.externalNo} 将作为${LINK_KIND_LABELS[v.kind]}关联到主工单 ${target.masterExternalNo}，关联后不能在此撤销。`,
    });
    if (!ok) return;
    setError(null);
    try {
      await linkCase({
        variables: { input: { caseId: target.caseId, masterCaseId: target.masterCaseId, kind: v.kind, reason: v.reason.trim() } },
      });
      message.success(`工单 ${target.externalNo} 已${v.kind === 'merge' ? '并单到' : '关联为重复件，主工单'} ${target.masterExternalNo}`);
      onLinked?.();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open
      title={`关联工单 ${target.externalNo}`}
      okText="关联"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'link-submit' }}
      destroyOnHidden
    >
      <div data-testid="link-modal">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="link-error" />}
        <Typography.Paragraph>
          主工单：<Typography.Text strong>{target.masterExternalNo}</Typography.Text>
        </Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ kind: target.kind, reason: '' }}>
          <Form.Item name="kind" label="关联方式" extra={KIND_HELP[kind]}>
            <Radio.Group optionType="button" options={LINK_KINDS.map((value) => ({ value, label: LINK_KIND_LABELS[value] }))} data-testid="link-kind" />
          </Form.Item>
          <Form.Item name="reason" label="关联原因" rules={[{ required: true, whitespace: true, message: '请填写关联原因' }]}>
            <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：同一来电人就同一楼盘延期交房再次来电" data-testid="link-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
