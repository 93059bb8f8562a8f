import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Form, InputNumber, Row, Select } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { confirmAction } from '../../../shared/confirm';
import { errorMessage } from '../../../shared/errors';
import { QueryState } from '../../../shared/QueryState';
import { REQUEST_TYPE_LABELS } from '../../../shared/labels';
import { INTAKE_RULES_QUERY, UPDATE_INTAKE_RULES_MUTATION } from './queries';
import type { IntakeRules } from './types';

const tags = (placeholder: string, testId: string) => (
  <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder={placeholder} open={false} suffixIcon={null} data-testid={testId} />
);

/** 受理规则: classification (分类分级) and repeat detection settings. */
export function IntakeRulesForm() {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<IntakeRules>();
  const [error, setError] = useState<string | null>(null);
  const { data, loading, error: loadError, refetch } = useQuery(INTAKE_RULES_QUERY);
  const [update, { loading: saving }] = useMutation(UPDATE_INTAKE_RULES_MUTATION, { refetchQueries: ['IntakeRules'] });
  const rules = data?.intakeRules;

  useEffect(() => {
    if (rules) form.setFieldsValue(rules);
  }, [rules, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const ok = await confirmAction(modal, {
      title: '保存受理规则？',
      content: '新规则对之后受理和更正的工单生效，已有工单的分级不会自动改变。',
      okText: '保存',
    });
    if (!ok) return;
    setError(null);
    try {
      await update({ variables: { input: v } });
      message.success('受理规则已保存');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <QueryState loading={loading && !rules} error={rules ? undefined : loadError} onRetry={() => void refetch()} testId="intake-rules">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="intake-rules-error" />}
      <Form<IntakeRules> form={form} layout="vertical" data-testid="intake-rules-form">
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Form.Item name="simpleRequestTypes" label="简单类诉求类型">
              <Select mode="multiple" options={Object.entries(REQUEST_TYPE_LABELS).map(([value, text]) => ({ value, label: text }))} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="difficultTopics" label="直接列为疑难类的主题" extra="输入后回车，可填多个">
              {tags('如：延期交房', 'rules-difficultTopics')}
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="difficultRepeatCount" label="重复次数达到即为疑难类" rules={[{ required: true, message: '请填写重复次数（达到即为疑难类）' }]}>
              <InputNumber min={1} max={100} addonAfter="次" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item
              name="difficultClusterSize"
              label="同楼盘同主题达到即为疑难类"
              rules={[{ required: true, message: '请填写同楼盘同主题件数（达到即为疑难类）' }]}
            >
              <InputNumber min={1} max={1000} addonAfter="件" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="repeatWindowDays" label="重复件识别时间窗" rules={[{ required: true, message: '请填写重复件识别时间窗（天数）' }]}>
              <InputNumber min={1} max={3650} addonAfter="天" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="textSimilarityThreshold" label="文本相似度阈值（0～1）" rules={[{ required: true, message: '请填写文本相似度阈值（0～1）' }]}>
              <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="urgentKeywords" label="紧急关键词" extra="标题或内容含任一词即列为紧急">
              {tags('如：坍塌、火灾', 'rules-urgentKeywords')}
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item name="timelyKeywords" label="及时关键词（水电气热）" extra="标题或内容含任一词即列为及时">
              {tags('如：停水、停电', 'rules-timelyKeywords')}
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" loading={saving} onClick={save} data-testid="intake-rules-save">
          保存规则
        </Button>
      </Form>
    </QueryState>
  );
}
