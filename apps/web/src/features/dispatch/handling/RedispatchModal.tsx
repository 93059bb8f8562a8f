import { useEffect } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { confirmAction } from '../../../shared/confirm';
import { DEPARTMENTS_QUERY } from '../../../shared/fragments';
import { REDISPATCH_CASE_MUTATION } from './queries';
import type { CaseDispatchView } from './types';
import { useCaseAction } from './useCaseAction';

interface Props {
  open: boolean;
  v: CaseDispatchView;
  onClose(): void;
  onChanged(): void;
}

interface RedispatchForm {
  leadDepartmentId: string;
  assistDepartmentIds?: string[];
  reason: string;
}

/** 改派 (duty): a new lead / assist departments for a dispatched case, with the reason. */
export function RedispatchModal({ open, v, onClose, onChanged }: Props) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<RedispatchForm>();
  const run = useCaseAction(onChanged);
  const { data, loading } = useQuery(DEPARTMENTS_QUERY);
  const [redispatch, { loading: saving }] = useMutation(REDISPATCH_CASE_MUTATION, { refetchQueries: 'active', awaitRefetchQueries: true });
  const lead = Form.useWatch('leadDepartmentId', form);
  const departments = (data?.departments ?? []).filter((d) => d.active);
  const options = departments.map((d) => ({ value: d.id, label: d.name }));
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name ?? id;

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const assists = (values.assistDepartmentIds ?? []).filter((id) => id !== values.leadDepartmentId);
    const ok = await confirmAction(modal, {
      title: `确认改派工单 ${v.externalNo}？`,
      content: `改派至主办科室「${nameOf(values.leadDepartmentId)}」${assists.length ? `，协办：${assists.map(nameOf).join('、')}` : ''}。原科室的持有时长将计入原科室。`,
      okText: '确认改派',
    });
    if (!ok) return;
    const done = await run(
      () =>
        redispatch({
          variables: {
            input: {
              caseId: v.id,
              leadDepartmentId: values.leadDepartmentId,
              assistDepartmentIds: assists,
              reason: values.reason.trim(),
              expectedVersion: v.handling?.version,
            },
          },
        }),
      `工单 ${v.externalNo} 已改派至${nameOf(values.leadDepartmentId)}`,
    );
    if (done) onClose();
  };

  return (
    <Modal
      open={open}
      title={`改派工单 ${v.externalNo}`}
      okText="改派"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'redispatch-submit' }}
      destroyOnHidden
    >
      <div data-testid="redispatch-modal">
        <Form<RedispatchForm> form={form} layout="vertical" preserve={false} initialValues={{ assistDepartmentIds: v.assignment?.assistDepartmentIds ?? [] }}>
          <Form.Item label="当前主办科室">{v.assignment?.leadDepartment?.name ?? '—'}</Form.Item>
          <Form.Item name="leadDepartmentId" label="新主办科室" rules={[{ required: true, message: '请选择新主办科室' }]}>
            <Select
              options={options.filter((o) => o.value !== v.assignment?.leadDepartmentId)}
              loading={loading}
              showSearch
              optionFilterProp="label"
              placeholder="请选择新主办科室"
              data-testid="redispatch-lead"
            />
          </Form.Item>
          <Form.Item name="assistDepartmentIds" label="协办科室（可选）">
            <Select mode="multiple" options={options.filter((o) => o.value !== lead)} optionFilterProp="label" data-testid="redispatch-assist" />
          </Form.Item>
          <Form.Item
            name="reason"
            label="改派原因"
            rules={[
              { required: true, whitespace: true, message: '请填写改派原因' },
              { min: 4, message: '改派原因至少 4 个字' },
            ]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：经核实属于其他科室职责" data-testid="redispatch-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
