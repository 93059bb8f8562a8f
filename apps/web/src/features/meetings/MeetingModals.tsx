import { App, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client';
import { CasePicker, DepartmentPicker } from '../publicity/pickers';
import { errorMessage } from '../../shared/errors';
import { dayjs } from '../../shared/time';
import { DueDatePicker } from './DueDatePicker';
import { RECORD_DECISION, SCHEDULE_MEETING } from './queries';

interface TopicForm {
  title: string;
  caseIds?: string[];
  clusterIds?: string[];
}

/** 安排调度会: title, date, attending departments, topics with their cases and cluster references. */
export function ScheduleMeetingModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (id: string) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [schedule, { loading }] = useMutation(SCHEDULE_MEETING);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await schedule({
        variables: {
          input: {
            title: v.title,
            heldOn: (v.heldOn as dayjs.Dayjs).format('YYYY-MM-DD'),
            departmentIds: v.departmentIds,
            topics: (v.topics as TopicForm[]).map((t) => ({ title: t.title, caseIds: t.caseIds ?? [], clusterIds: t.clusterIds ?? [] })),
          },
        },
      });
      message.success('调度会已安排');
      form.resetFields();
      onDone(r.data!.scheduleDispatchMeeting.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open={open}
      title="安排调度会"
      width={720}
      okText="保存"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ heldOn: dayjs(), topics: [{ title: '' }] }} data-testid="meeting-schedule-form">
        <Form.Item name="title" label="会议名称" rules={[{ required: true, min: 2, message: '请填写会议名称（至少 2 个字）' }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="heldOn" label="会议日期" rules={[{ required: true, message: '请选择会议日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="departmentIds" label="参会科室" rules={[{ required: true, message: '请选择参会科室' }]}>
          <DepartmentPicker multiple testId="meeting-departments" />
        </Form.Item>
        <Form.List name="topics">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <div key={f.key} className="meeting-topic-form">
                  <Space align="baseline">
                    <Form.Item name={[f.name, 'title']} label={`议题 ${i + 1}`} rules={[{ required: true, min: 2, message: '请填写议题' }]}>
                      <Input maxLength={100} style={{ width: 520 }} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除议题" />}
                  </Space>
                  <Form.Item name={[f.name, 'caseIds']} label="关联工单">
                    <CasePicker />
                  </Form.Item>
                  <Form.Item name={[f.name, 'clusterIds']} label="关联聚类（编号）">
                    <Select mode="tags" placeholder="输入聚类编号后回车" />
                  </Form.Item>
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })}>
                添加议题
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 记录会议决定: the decision and its tasks, each with an owner department and a working-day due date. */
export function DecisionModal({ meetingId, open, onClose, onDone }: { meetingId: string; open: boolean; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [record, { loading }] = useMutation(RECORD_DECISION);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await record({ variables: { input: { meetingId, text: v.text, tasks: v.tasks ?? [] } } });
      message.success('会议决定已记录，任务已分派');
      form.resetFields();
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open={open}
      title="记录会议决定"
      width={760}
      okText="保存"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ tasks: [{}] }} data-testid="meeting-decision-form">
        <Form.Item name="text" label="会议决定" rules={[{ required: true, min: 2, message: '请填写会议决定' }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, min: 2, message: '请填写任务' }]}>
                    <Input placeholder="任务内容" maxLength={200} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'departmentId']} rules={[{ required: true, message: '请选择责任科室' }]}>
                    <DepartmentPicker testId="meeting-task-department" style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true, message: '请选择截止日期' }]}>
                    <DueDatePicker />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="删除任务" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加任务
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
