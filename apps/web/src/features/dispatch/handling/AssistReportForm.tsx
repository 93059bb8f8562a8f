import { App, Button, Form, Input } from 'antd';
import { useMutation } from '@apollo/client';
import { confirmAction } from '../../../shared/confirm';
import { REPORT_ASSIST_MUTATION } from './queries';
import { useCaseAction } from './useCaseAction';

interface Props {
  caseId: string;
  externalNo?: string;
  expectedVersion?: number | null;
  onChanged(): void;
}

/** 协办反馈: an assisting department reports its part to the lead department (confirmed first, like 答复). */
export function AssistReportForm({ caseId, externalNo, expectedVersion, onChanged }: Props) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const run = useCaseAction(onChanged);
  const [reportAssist, { loading }] = useMutation(REPORT_ASSIST_MUTATION, { refetchQueries: 'active', awaitRefetchQueries: true });

  const onFinish = async ({ text }: { text: string }) => {
    const ok = await confirmAction(modal, {
      title: externalNo ? `确认提交工单 ${externalNo} 的协办反馈？` : '确认提交协办反馈？',
      content: '提交后主办科室即可看到本科室的协办反馈，提交后不可修改。',
      okText: '确认提交',
    });
    if (!ok) return;
    const done = await run(
      () => reportAssist({ variables: { input: { caseId, text: text.trim(), expectedVersion: expectedVersion ?? undefined } } }),
      '协办反馈已提交主办科室',
    );
    if (done) {
      form.resetFields();
      onChanged();
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} data-testid="assist-report-form">
      <Form.Item
        name="text"
        label="协办反馈"
        rules={[
          { required: true, whitespace: true, message: '请填写协办反馈' },
          { min: 5, message: '协办反馈至少 5 个字' },
        ]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder="写明本科室协办的情况和结果，提交给主办科室" data-testid="assist-report-text" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} data-testid="assist-report-submit">
        提交协办反馈
      </Button>
    </Form>
  );
}
