import { useEffect, useState } from 'react';
import { Alert, App, AutoComplete, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../shared/errors';
import { REQUEST_TYPE_LABELS, URGENCY_LABELS } from '../shared/labels';
import { dayjs } from '../shared/time';
import type { CaseSummary } from '../shared/types';
import { RECEIVE_CASE_MUTATION } from './queries';

/** The bureau's usual topics, offered as suggestions; any text is allowed. */
export const COMMON_TOPICS = ['延期交房', '购房退费', '物业管理', '施工扰民', '施工安全', '规划建设', '工程质量', '市政设施', '其他'];

interface Props {
  open: boolean;
  onClose(): void;
  onCreated?(created: CaseSummary): void;
}

interface ReceiveForm {
  externalNo: string;
  receivedAt?: Dayjs;
  citizenName: string;
  citizenPhone: string;
  address?: string;
  projectName?: string;
  street?: string;
  title: string;
  content: string;
  requestType: string;
  topic: string;
  urgency: string;
  deadlineAt?: Dayjs;
}

const trimOrUndefined = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/** 录入工单: a duty operator records a case by hand (receiveCase). */
export function ReceiveCaseModal({ open, onClose, onCreated }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReceiveForm>();
  const [error, setError] = useState<string | null>(null);
  const [receiveCase, { loading }] = useMutation<{ receiveCase: CaseSummary }>(RECEIVE_CASE_MUTATION);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      const { data } = await receiveCase({
        variables: {
          input: {
            externalNo: v.externalNo.trim(),
            receivedAt: v.receivedAt?.toISOString(),
            citizenName: v.citizenName.trim(),
            citizenPhone: v.citizenPhone.trim(),
            address: trimOrUndefined(v.address),
            projectName: trimOrUndefined(v.projectName),
            street: trimOrUndefined(v.street),
            title: v.title.trim(),
            content: v.content.trim(),
            requestType: v.requestType,
            topic: v.topic.trim(),
            urgency: v.urgency,
            deadlineAt: v.deadlineAt?.toISOString(),
          },
        },
        refetchQueries: ['UnsignedCases'],
      });
      message.success(`工单 ${v.externalNo.trim()} 已录入`);
      if (data) onCreated?.(data.receiveCase);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      title="录入工单"
      width={820}
      style={{ top: 24 }}
      okText="提交"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'receive-submit' }}
      destroyOnHidden
    >
      <div data-testid="receive-modal">
        {error && <Alert type="error" showIcon message={error} className="login-alert" data-testid="receive-error" />}
        <Form<ReceiveForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ receivedAt: dayjs(), urgency: 'normal', requestType: 'complaint' }}
        >
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="externalNo" label="工单编号" rules={[{ required: true, whitespace: true, message: '请输入工单编号' }]}>
                <Input placeholder="市级平台工单编号" maxLength={64} data-testid="receive-externalNo" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="receivedAt" label="收到时间">
                <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="citizenName" label="来电人" rules={[{ required: true, whitespace: true, message: '请输入来电人姓名' }]}>
                <Input maxLength={50} data-testid="receive-citizenName" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="citizenPhone"
                label="联系电话"
                rules={[
                  { required: true, whitespace: true, message: '请输入联系电话' },
                  { pattern: /^[0-9+\-\s]{5,20}$/, message: '请输入有效的电话号码' },
                ]}
              >
                <Input maxLength={20} data-testid="receive-citizenPhone" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="address" label="地址">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item name="street" label="街道（乡镇）">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item name="projectName" label="项目名称">
                <Input maxLength={100} placeholder="涉及的楼盘或工程" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
                <Input maxLength={200} data-testid="receive-title" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="content" label="诉求内容" rules={[{ required: true, whitespace: true, message: '请输入诉求内容' }]}>
                <Input.TextArea rows={3} maxLength={4000} showCount data-testid="receive-content" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="requestType" label="诉求类型" rules={[{ required: true, message: '请选择诉求类型' }]}>
                <Select options={Object.entries(REQUEST_TYPE_LABELS).map(([value, text]) => ({ value, label: text }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="topic" label="主题" rules={[{ required: true, whitespace: true, message: '请输入主题' }]}>
                <AutoComplete
                  options={COMMON_TOPICS.map((t) => ({ value: t }))}
                  placeholder="如：延期交房"
                  filterOption={(input, option) => (option?.value ?? '').includes(input)}
                  data-testid="receive-topic"
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="urgency" label="紧急程度">
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'normal', label: URGENCY_LABELS.normal },
                    { value: 'timely', label: URGENCY_LABELS.timely },
                    { value: 'urgent', label: URGENCY_LABELS.urgent },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="deadlineAt" label="办理时限（可选）">
                <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
