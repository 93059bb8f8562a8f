import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from '../../shared/time';
import { SAVE_RULE_SET } from './queries';
import { formatDeadline, type ExclusionRuleSet, type ExclusionType } from './types';

type TypeInput = Omit<ExclusionType, 'deadline'>;

/** The month's rule set: types, conditions, required evidence and deadlines; the administrator saves a new version from this month on. */
export function RuleSetPanel({
  month,
  ruleSet,
  loading,
  error,
  canEdit,
  onSaved,
}: {
  month: string;
  ruleSet: ExclusionRuleSet | null;
  loading: boolean;
  error?: unknown;
  canEdit: boolean;
  onSaved: () => Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ note: string; types: TypeInput[] }>();
  const [save, saving] = useMutation(SAVE_RULE_SET);
  const startEdit = () => {
    form.setFieldsValue({
      note: '',
      types: (ruleSet?.types ?? []).map((t) => ({
        code: t.code,
        label: t.label,
        conditions: t.conditions,
        deadlineWorkingDay: t.deadlineWorkingDay,
        requiredEvidence: t.requiredEvidence.map((k) => ({ key: k.key, label: k.label })),
      })),
    });
    setEditing(true);
  };
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await save({ variables: { i: { month, note: v.note ?? '', types: v.types.map((t) => ({ ...t, requiredEvidence: t.requiredEvidence ?? [] })) } } });
      message.success(`已保存 ${month} 起适用的规则集新版本`);
      setEditing(false);
      await onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <QueryState loading={loading} error={error} testId="exclusion-rule-set">
      {ruleSet && !editing && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <span data-testid="exclusion-rule-set-version">
              {month} 适用：{ruleSet.month} 起的规则集 第 {ruleSet.version} 版
            </span>
            {ruleSet.isDefault && <Tag color="orange">默认规则集（待与局方确认）</Tag>}
            <Typography.Text type="secondary">
              {ruleSet.note} · {formatDateTime(ruleSet.createdAt)}
            </Typography.Text>
            {canEdit && (
              <Button type="primary" onClick={startEdit} data-testid="exclusion-rule-set-edit">
                编辑 {month} 规则（保存为新版本）
              </Button>
            )}
          </Space>
          <List
            grid={{ gutter: 12, column: 2 }}
            dataSource={ruleSet.types}
            renderItem={(t) => (
              <List.Item>
                <Card size="small" title={t.label} extra={<Tag>{t.code}</Tag>}>
                  <p>{t.conditions}</p>
                  <p>所需材料：{t.requiredEvidence.map((k) => k.label).join('、') || '无'}</p>
                  <p>
                    申报截止：次月第 {t.deadlineWorkingDay} 个工作日（{formatDeadline(t.deadline)}）
                  </p>
                </Card>
              </List.Item>
            )}
          />
        </>
      )}
      {editing && (
        <Form form={form} layout="vertical" data-testid="exclusion-rule-set-form">
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`保存后自 ${month} 起适用（至下一份规则集为止）；已建立的申请仍按其原版本核对。`} />
          <Form.Item name="note" label="版本说明">
            <Input maxLength={200} placeholder="如：依据区级平台 X 月通知" />
          </Form.Item>
          <Form.List name="types">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Card
                    key={f.key}
                    size="small"
                    style={{ marginBottom: 12 }}
                    extra={
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(f.name)}>
                        删除类型
                      </Button>
                    }
                  >
                    <Space wrap align="start">
                      <Form.Item name={[f.name, 'code']} label="编码" rules={[{ required: true, message: '请输入编码' }]}>
                        <Input style={{ width: 180 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'label']} label="名称" rules={[{ required: true, message: '请输入名称' }]}>
                        <Input style={{ width: 320 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'deadlineWorkingDay']} label="截止：次月第 N 个工作日" rules={[{ required: true, message: '请输入' }]}>
                        <InputNumber min={1} max={20} />
                      </Form.Item>
                    </Space>
                    <Form.Item name={[f.name, 'conditions']} label="适用条件" rules={[{ required: true, message: '请输入适用条件' }]}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                    <Form.List name={[f.name, 'requiredEvidence']}>
                      {(kinds, k) => (
                        <>
                          {kinds.map((kf) => (
                            <Space key={kf.key} align="baseline">
                              <Form.Item name={[kf.name, 'key']} rules={[{ required: true, message: '材料编码' }]}>
                                <Input placeholder="材料编码" style={{ width: 160 }} />
                              </Form.Item>
                              <Form.Item name={[kf.name, 'label']} rules={[{ required: true, message: '材料名称' }]}>
                                <Input placeholder="材料名称" style={{ width: 260 }} />
                              </Form.Item>
                              <MinusCircleOutlined onClick={() => k.remove(kf.name)} />
                            </Space>
                          ))}
                          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => k.add({ key: '', label: '' })}>
                            添加所需材料
                          </Button>
                        </>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ code: '', label: '', conditions: '', deadlineWorkingDay: 5, requiredEvidence: [] })}
                >
                  添加类型
                </Button>
              </>
            )}
          </Form.List>
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" loading={saving.loading} onClick={() => void submit()} data-testid="exclusion-rule-set-save">
              保存为新版本
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Form>
      )}
    </QueryState>
  );
}
