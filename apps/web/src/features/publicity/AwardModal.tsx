import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import { DepartmentPicker } from './pickers';
import { beijingMonth, KIND_LABELS } from './labels';
import { AWARD } from './queries';

/** The last 12 assessment months, newest first (points are never booked to a future month). */
function recentMonths(n = 12): string[] {
  const now = beijingMonth();
  const [y, m] = now.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return d.toISOString().slice(0, 7);
  });
}

/** 登记加分: points, month, evidence, credited department — once per item. */
export function AwardModal({ item, onClose, onDone }: { item: { kind: string; id: string; title: string } | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [award, { loading }] = useMutation(AWARD);
  return (
    <Modal
      open={!!item}
      title={item ? `登记加分 · ${KIND_LABELS[item.kind]} · ${item.title}` : ''}
      okText="登记"
      cancelText="取消"
      confirmLoading={loading}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => form.submit()}
      data-testid="award-modal"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ month: beijingMonth(), points: 1 }}
        onFinish={async (v: { points: number; month: string; evidence: string; departmentId?: string }) => {
          try {
            await award({
              variables: {
                i: { kind: item!.kind, itemId: item!.id, points: v.points, month: v.month, evidence: v.evidence, departmentId: v.departmentId ?? null },
              },
            });
            message.success('已登记加分');
            onDone();
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        <Form.Item name="points" label="分值" rules={[{ required: true, message: '请填写分值' }]}>
          <InputNumber min={1} max={100} precision={0} data-testid="award-points" />
        </Form.Item>
        <Form.Item name="month" label="考核月份" rules={[{ required: true }]}>
          <Select options={recentMonths().map((m) => ({ value: m, label: m }))} data-testid="award-month" />
        </Form.Item>
        <Form.Item name="departmentId" label="加分科室">
          <DepartmentPicker testId="award-department" />
        </Form.Item>
        <Form.Item name="evidence" label="加分依据" rules={[{ required: true, min: 4, message: '请填写加分依据（至少 4 个字）' }]}>
          <Input.TextArea rows={3} maxLength={2000} placeholder="如：区接诉即办通报第 12 期；播出日期；刊发链接" data-testid="award-evidence" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
