import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Col, Form, Input, Modal, Row, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { confirmAction } from '../../../shared/confirm';
import { errorMessage } from '../../../shared/errors';
import { REQUEST_TYPE_LABELS, TIER_LABELS, URGENCY_LABELS } from '../../../shared/labels';
import { RECLASSIFY_CASE_MUTATION, TOPICS_QUERY } from './queries';
import { topicOptions } from './types';
import type { ReclassifyInput, RequestType, Tier, Urgency } from '../../../gql/graphql';

interface CaseClass {
  id: string;
  externalNo: string;
  requestType: string;
  topic: string;
  tier: string;
  urgency: string;
}

/** The selects offer only the enums' values (their label tables' keys). */
interface ReclassifyForm {
  requestType: RequestType;
  topic: string;
  tier: Tier;
  urgency: Urgency;
  reason: string;
}

const options = (table: Record<string, string>) => Object.entries(table).map(([value, text]) => ({ value, label: text }));

/** 更正分类 (duty, supervisor): type, topic, tier, urgency, with a reason; only changes are sent. */
export function ReclassifyButton({ c, onDone }: { c: CaseClass; onDone?(): void }) {
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<ReclassifyForm>();
  const topics = useQuery(TOPICS_QUERY, { skip: !open });
  const [reclassify, { loading }] = useMutation(RECLASSIFY_CASE_MUTATION, { refetchQueries: ['CaseDetail'] });

  const show = () => {
    form.setFieldsValue({ requestType: c.requestType as RequestType, topic: c.topic, tier: c.tier as Tier, urgency: c.urgency as Urgency, reason: '' });
    setError(null);
    setOpen(true);
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const input: ReclassifyInput = { caseId: c.id, reason: v.reason.trim() };
    const changes: string[] = [];
    if (v.requestType !== c.requestType) {
      input.requestType = v.requestType;
      changes.push(`诉求类型 → ${REQUEST_TYPE_LABELS[v.requestType as keyof typeof REQUEST_TYPE_LABELS]}`);
    }
    if (v.topic.trim() !== c.topic) {
      input.topic = v.topic.trim();
      changes.push(`主题 → ${v.topic.trim()}`);
    }
    if (v.tier !== c.tier) {
      input.tier = v.tier;
      changes.push(`分级 → ${TIER_LABELS[v.tier as keyof typeof TIER_LABELS]}`);
    }
    if (v.urgency !== c.urgency) {
      input.urgency = v.urgency;
      changes.push(`紧急程度 → ${URGENCY_LABELS[v.urgency]}`);
    }
    if (changes.length === 0) {
      setError('分类没有变化');
      return;
    }
    const ok = await confirmAction(modal, { title: `确认更正工单 ${c.externalNo} 的分类？`, content: changes.join('；'), okText: '确认更正' });
    if (!ok) return;
    try {
      await reclassify({ variables: { input } });
      message.success('分类已更正');
      setOpen(false);
      onDone?.();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <>
      <Button icon={<EditOutlined />} onClick={show} data-testid="reclassify-button">
        更正分类
      </Button>
      <Modal
        open={open}
        title={`更正分类 · ${c.externalNo}`}
        okText="更正"
        cancelText="取消"
        onOk={submit}
        onCancel={() => setOpen(false)}
        confirmLoading={loading}
        okButtonProps={{ 'data-testid': 'reclassify-submit' }}
        destroyOnHidden
      >
        <div data-testid="reclassify-modal">
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="reclassify-error" />}
          <Form form={form} layout="vertical">
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="requestType" label="诉求类型">
                  <Select options={options(REQUEST_TYPE_LABELS)} data-testid="reclassify-requestType" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="topic" label="主题" rules={[{ required: true, whitespace: true, message: '请输入主题' }]}>
                  <AutoComplete
                    options={topicOptions(topics.data?.topics ?? [])}
                    filterOption={(input, option) => String(option?.label ?? '').includes(input)}
                    data-testid="reclassify-topic"
                  />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="tier" label="分级">
                  <Select options={options(TIER_LABELS)} data-testid="reclassify-tier" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="urgency" label="紧急程度">
                  <Select options={options(URGENCY_LABELS)} data-testid="reclassify-urgency" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="reason" label="更正原因" rules={[{ required: true, whitespace: true, message: '请填写更正原因' }]}>
              <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：诉求实为施工扰民，非物业管理" data-testid="reclassify-reason" />
            </Form.Item>
          </Form>
        </div>
      </Modal>
    </>
  );
}
