import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../../../shared/errors';
import type { Department } from '../../../shared/types';
import { CREATE_RULE_MUTATION, UPDATE_RULE_MUTATION } from './queries';
import type { ResponsibilityRule } from './types';

interface Props {
  open: boolean;
  /** The rule being revised; null creates a new one. */
  rule: ResponsibilityRule | null;
  departments: Department[];
  onClose(): void;
}

interface RuleForm {
  name: string;
  topics: string[];
  keywords: string[];
  projects: string[];
  streets: string[];
  leadDepartmentCode: string;
  assistDepartmentCodes: string[];
  basis?: string;
  priority?: number;
}

const tags = (placeholder: string, testId: string) => (
  <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} placeholder={placeholder} data-testid={testId} />
);

/** 新增 / 修订 a 权责清单 entry; a revision creates a new version of the same entry. */
export function RuleModal({ open, rule, departments, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleForm>();
  const [error, setError] = useState<string | null>(null);
  const options = { refetchQueries: ['ResponsibilityRules'], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(CREATE_RULE_MUTATION, options);
  const [update, { loading: updating }] = useMutation(UPDATE_RULE_MUTATION, options);
  const lead = Form.useWatch('leadDepartmentCode', form);
  const deptOptions = departments.filter((d) => d.active).map((d) => ({ value: d.code, label: d.name }));

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (rule) {
      form.setFieldsValue({
        name: rule.name,
        topics: rule.topics,
        keywords: rule.keywords,
        projects: rule.projects,
        streets: rule.streets,
        leadDepartmentCode: rule.leadDepartmentCode,
        assistDepartmentCodes: rule.assistDepartmentCodes,
        basis: rule.basis,
        priority: rule.priority,
      });
    }
  }, [open, rule, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const input = {
      name: v.name.trim(),
      topics: v.topics ?? [],
      keywords: v.keywords ?? [],
      projects: v.projects ?? [],
      streets: v.streets ?? [],
      leadDepartmentCode: v.leadDepartmentCode,
      assistDepartmentCodes: (v.assistDepartmentCodes ?? []).filter((c) => c !== v.leadDepartmentCode),
      basis: v.basis?.trim() || undefined,
      priority: v.priority ?? undefined,
    };
    if (!input.topics.length && !input.keywords.length && !input.projects.length && !input.streets.length) {
      setError('请至少填写一项匹配条件（主题、关键词、项目或街道）');
      return;
    }
    setError(null);
    try {
      if (rule) await update({ variables: { ruleKey: rule.ruleKey, input } });
      else await create({ variables: { input } });
      message.success(rule ? `已修订「${input.name}」，生成新版本` : `已新增「${input.name}」`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      title={rule ? `修订权责清单条目 · ${rule.name}` : '新增权责清单条目'}
      width={760}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={creating || updating}
      okButtonProps={{ 'data-testid': 'rule-submit' }}
      destroyOnHidden
    >
      <div data-testid="rule-modal">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="rule-error" />}
        <Form<RuleForm> form={form} layout="vertical" preserve={false} initialValues={{ priority: 0 }}>
          <Row gutter={16}>
            <Col span={16}>
              <Form.Item name="name" label="条目名称" rules={[{ required: true, whitespace: true, message: '请输入条目名称' }]}>
                <Input maxLength={100} data-testid="rule-name" />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="priority" label="优先级（大者优先）">
                <InputNumber min={0} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="topics" label="主题（任一匹配）">
                {tags('输入后回车', 'rule-topics')}
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="keywords" label="关键词（标题或内容含任一）">
                {tags('输入后回车', 'rule-keywords')}
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="projects" label="项目（任一匹配）">
                {tags('楼盘或工程名称', 'rule-projects')}
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="streets" label="街道/地区（任一匹配）">
                {tags('街道或乡镇', 'rule-streets')}
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="leadDepartmentCode" label="主办科室" rules={[{ required: true, message: '请选择主办科室' }]}>
                <Select options={deptOptions} showSearch optionFilterProp="label" data-testid="rule-lead" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="assistDepartmentCodes" label="协办科室（可选）">
                <Select mode="multiple" options={deptOptions.filter((o) => o.value !== lead)} optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="basis" label="依据（权责清单条款）">
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="rule-basis" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
