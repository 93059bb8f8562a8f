import { useState } from 'react';
import { App, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography, Button, type TableColumnsType } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { errorMessage } from '../../shared/errors';
import { QueryState } from '../../shared/QueryState';
import { CLOCK_KIND_LABELS, SELECTOR_LABELS, selectorText, TARGET_UNIT_LABELS, targetText, URGE_LEVEL_LABELS, URGE_RECIPIENT_LABELS } from './labels';
import { CLOCK_DEFINITIONS_QUERY, SAVE_CLOCK_DEFINITION_MUTATION } from './queries';

interface Triggers {
  startOn: string[];
  pauseOn: string[];
  resumeOn: string[];
  stopOn: string[];
  cancelOn: string[];
  resetOn: string[];
}
interface Definition {
  id: string;
  key: string;
  version: number;
  kind: string;
  name: string;
  selector: { requestTypes: string[] | null; urgencies: string[] | null; tiers: string[] | null; topics: string[] | null };
  targetUnit: string;
  targetAmount: number;
  triggers: Triggers;
  warnShares: number[];
  priority: number;
  deadlineFromEvent: boolean;
  active: boolean;
  note: string | null;
  createdAt: string;
  createdBy: string;
}
interface Step {
  id: string;
  name: string;
  clockKinds: string[];
  sharePct: number;
  level: string;
  recipients: string[];
  active: boolean;
}

const TRIGGER_LABELS: Array<[keyof Triggers, string]> = [
  ['startOn', '开始'],
  ['pauseOn', '暂停'],
  ['resumeOn', '恢复'],
  ['stopOn', '停止'],
  ['cancelOn', '取消'],
  ['resetOn', '重新计时'],
];

/** 时限规则 (管理): the clock definitions in force, editable by the administrator as new versions, and the 催办 ladder. */
export default function ClockDefinitionsPage() {
  const { message } = App.useApp();
  const isAdmin = useCurrentUser().role === 'admin';
  const { data, loading, error, refetch } = useQuery(CLOCK_DEFINITIONS_QUERY);
  const [editing, setEditing] = useState<Definition | null>(null);
  /** A new definition (新建规则): key, kind and selector are chosen here; an edit keeps them. */
  const creating = editing?.id === '';
  const [formError, setFormError] = useState<string | null>(null);
  const [form] = Form.useForm<{
    key?: string;
    kind?: string;
    priority?: number;
    selector?: Definition['selector'];
    name: string;
    targetUnit: string;
    targetAmount: number;
    warnShares: number[];
    active: boolean;
    note?: string;
    triggers: Triggers;
  }>();
  const [save, { loading: saving }] = useMutation(SAVE_CLOCK_DEFINITION_MUTATION, { refetchQueries: ['ClockDefinitions'] });
  const eventLabel = new Map((data?.clockTriggerEvents ?? []).map((e) => [e.type, e.label]));
  const eventOptions = (data?.clockTriggerEvents ?? []).map((e) => ({ value: e.type, label: e.label }));

  const submit = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    const s = creating ? { requestTypes: null, urgencies: null, tiers: null, topics: null, ...v.selector } : editing.selector;
    // An empty choice means "any" (the field is left out), not "none".
    const selector = Object.fromEntries(
      Object.entries({ requestTypes: s.requestTypes, urgencies: s.urgencies, tiers: s.tiers, topics: s.topics }).filter(([, x]) => x && x.length),
    );
    try {
      await save({
        variables: {
          input: {
            key: (creating ? v.key : editing.key) as string,
            kind: (creating ? v.kind : editing.kind) as string,
            name: v.name,
            selector,
            targetUnit: v.targetUnit,
            targetAmount: v.targetAmount,
            triggers: v.triggers,
            warnShares: v.warnShares.map(Number),
            priority: creating ? (v.priority ?? 0) : editing.priority,
            deadlineFromEvent: editing.deadlineFromEvent,
            active: v.active,
            ...(v.note ? { note: v.note } : {}),
          },
        },
      });
      message.success('已保存为新版本；已在计时的时钟仍按原版本');
      setEditing(null);
      setFormError(null);
    } catch (e) {
      setFormError(errorMessage(e));
    }
  };

  const columns: TableColumnsType<Definition> = [
    { title: '时钟', dataIndex: 'kind', width: 110, render: (k: string) => CLOCK_KIND_LABELS[k] ?? k },
    {
      title: '名称',
      dataIndex: 'name',
      width: 220,
      render: (n: string, d) => (
        <Space direction="vertical" size={0}>
          <span>{n}</span>
          {d.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.note}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '适用范围', key: 'selector', render: (_, d) => selectorText(d.selector as never) },
    { title: '时限', key: 'target', width: 110, render: (_, d) => targetText(d.targetUnit, d.targetAmount) },
    {
      title: '计时事件',
      key: 'triggers',
      render: (_, d) => (
        <Space direction="vertical" size={0} style={{ fontSize: 12 }}>
          {TRIGGER_LABELS.filter(([k]) => d.triggers[k].length).map(([k, l]) => (
            <span key={k}>
              {l}：{d.triggers[k].map((t) => eventLabel.get(t) ?? t).join('、')}
            </span>
          ))}
        </Space>
      ),
    },
    { title: '预警', key: 'warn', width: 120, render: (_, d) => d.warnShares.map((s) => `${s}%`).join(' / ') },
    { title: '版本', dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
    { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? '启用' : '停用'}</Tag> },
    ...(isAdmin
      ? [
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_: unknown, d: Definition) => (
              <Button
                size="small"
                onClick={() => {
                  setEditing(d);
                  setFormError(null);
                  form.setFieldsValue({
                    name: d.name,
                    targetUnit: d.targetUnit,
                    targetAmount: d.targetAmount,
                    warnShares: d.warnShares,
                    active: d.active,
                    note: d.note ?? undefined,
                    triggers: d.triggers,
                  });
                }}
                data-testid={`definition-edit-${d.key}`}
              >
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card className="page-card" data-testid="clock-definitions-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          时限规则
        </Typography.Title>
        {isAdmin && (
          <Button
            type="primary"
            data-testid="definition-create"
            onClick={() => {
              setEditing({
                id: '',
                key: '',
                version: 0,
                kind: 'handle',
                name: '',
                selector: { requestTypes: null, urgencies: null, tiers: null, topics: null },
                targetUnit: 'working-days',
                targetAmount: 7,
                triggers: {
                  startOn: ['hotline.case.dispatched'],
                  pauseOn: [],
                  resumeOn: [],
                  stopOn: ['hotline.case.replied'],
                  cancelOn: ['hotline.case.returned'],
                  resetOn: [],
                },
                warnShares: [50, 75, 90],
                priority: 50,
                deadlineFromEvent: false,
                active: true,
                note: null,
                createdAt: '',
                createdBy: '',
              });
              setFormError(null);
              form.setFieldsValue({
                key: '',
                kind: 'handle',
                priority: 50,
                selector: {},
                name: '',
                targetUnit: 'working-days',
                targetAmount: 7,
                warnShares: [50, 75, 90],
                active: true,
                triggers: {
                  startOn: ['hotline.case.dispatched'],
                  pauseOn: [],
                  resumeOn: [],
                  stopOn: ['hotline.case.replied'],
                  cancelOn: ['hotline.case.returned'],
                  resetOn: [],
                },
              });
            }}
          >
            新建规则
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">
        默认时限取自 DB11/T 草案（待与局方确认）。修改会生成新版本，只对此后开始计时的时钟生效；工作日按工作日历（节假日、调休）计算。
      </Typography.Paragraph>
      <QueryState loading={loading && !data} error={data ? undefined : error} onRetry={() => void refetch()} testId="clock-definitions">
        <Table<Definition>
          rowKey="id"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={data?.clockDefinitions ?? []}
          scroll={{ x: 1100 }}
          data-testid="clock-definitions-table"
        />
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          催办阶梯
        </Typography.Title>
        <Table<Step>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data?.urgeLadder ?? []}
          data-testid="urge-ladder"
          columns={[
            { title: '步骤', dataIndex: 'name', width: 180 },
            {
              title: '触发',
              dataIndex: 'sharePct',
              width: 200,
              render: (p: number) => (p < 100 ? `用去时限的 ${p}%（到期前）` : p === 100 ? '到期时' : `超期（时限的 ${p}%）`),
            },
            { title: '级别', dataIndex: 'level', width: 120, render: (l: string) => URGE_LEVEL_LABELS[l] ?? l },
            { title: '催办对象', dataIndex: 'recipients', render: (r: string[]) => r.map((x) => URGE_RECIPIENT_LABELS[x] ?? x).join('、') },
            { title: '适用时钟', dataIndex: 'clockKinds', render: (k: string[]) => (k.length ? k.map((x) => CLOCK_KIND_LABELS[x] ?? x).join('、') : '全部') },
            { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? '启用' : '停用'}</Tag> },
          ]}
        />
      </QueryState>
      <Modal
        open={!!editing}
        title={creating ? '新建时限规则' : `修改时限规则 · ${editing?.name ?? ''}`}
        okText="保存为新版本"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        width={640}
        okButtonProps={{ 'data-testid': 'definition-save' } as never}
      >
        <Form form={form} layout="vertical">
          {creating && (
            <>
              <Space wrap>
                <Form.Item name="key" label="编码" rules={[{ required: true, message: '请填写编码' }]} extra="小写字母、数字和连字符，如 handle-refund">
                  <Input style={{ width: 200 }} data-testid="definition-key" />
                </Form.Item>
                <Form.Item name="kind" label="时钟">
                  <Select style={{ width: 150 }} options={Object.entries(CLOCK_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
                </Form.Item>
                <Form.Item name="priority" label="优先级" extra="同一时钟有多条规则适用时，优先级高者生效">
                  <InputNumber min={-1000} max={1000} />
                </Form.Item>
              </Space>
              <Space wrap>
                {(['requestTypes', 'urgencies', 'tiers'] as const).map((f) => (
                  <Form.Item key={f} name={['selector', f]} label={{ requestTypes: '诉求类型', urgencies: '紧急程度', tiers: '工单分级' }[f]}>
                    <Select
                      mode="multiple"
                      allowClear
                      placeholder="全部"
                      style={{ width: 180 }}
                      options={Object.entries(SELECTOR_LABELS[f]).map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                ))}
              </Space>
              <Form.Item name={['selector', 'topics']} label="主题（空 = 全部）">
                <Select mode="tags" placeholder="全部" />
              </Form.Item>
            </>
          )}
          <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Space>
            <Form.Item name="targetAmount" label="时限" rules={[{ required: true, message: '请填写时限' }]}>
              <InputNumber min={0} step={1} data-testid="definition-amount" />
            </Form.Item>
            <Form.Item name="targetUnit" label="单位">
              <Select style={{ width: 130 }} options={Object.entries(TARGET_UNIT_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="active" label="启用" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="warnShares" label="预警比例（%）">
            <Select mode="tags" tokenSeparators={[',', ' ']} />
          </Form.Item>
          {TRIGGER_LABELS.map(([k, l]) => (
            <Form.Item key={k} name={['triggers', k]} label={`${l}事件`}>
              <Select mode="multiple" allowClear options={eventOptions} />
            </Form.Item>
          ))}
          <Form.Item name="note" label="说明">
            <Input maxLength={200} />
          </Form.Item>
          {formError && (
            <Typography.Text type="danger" data-testid="definition-error">
              {formError}
            </Typography.Text>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
