import { App, Alert, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from '../../shared/time';
import { callbackError } from './errors';
import { SAVE_SCORING_POLICY_MUTATION, SCORING_POLICIES_QUERY } from './queries';

interface Policy {
  id: string;
  effectiveFrom: string;
  version: number;
  isDefault: boolean;
  note: string;
  createdAt: string;
  responseClocks: string[];
  contactHours: number;
  basicFactor: number;
  weights: { response: number; resolution: number; satisfaction: number };
  periodKind: string;
  cutoffDay: number;
  resultSource: string;
  resultRound: string;
  bonus: { scorePerPoint: number; cap: number };
}
type Values = Omit<Policy, 'id' | 'version' | 'isDefault' | 'createdAt'>;

const SOURCE_LABELS: Record<string, string> = { bureau: '本局回访', official: '区级平台回访', 'official-first': '优先区级平台' };

/** The values of a new version, starting from the latest one. */
const fromPolicy = (p: Policy | undefined): Partial<Values> =>
  p
    ? {
        effectiveFrom: p.effectiveFrom,
        responseClocks: p.responseClocks,
        contactHours: p.contactHours,
        basicFactor: p.basicFactor,
        weights: { ...p.weights },
        periodKind: p.periodKind,
        cutoffDay: p.cutoffDay,
        resultSource: p.resultSource,
        resultRound: p.resultRound,
        bonus: { ...p.bonus },
        note: '',
      }
    : {};

/** 考核口径 (admin): every version of the scoring policy, and a new version from a month on (weights add up to 100 %). */
export default function ScoringPolicyPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const q = useQuery(SCORING_POLICIES_QUERY, { fetchPolicy: 'cache-and-network' });
  const [save, saving] = useMutation(SAVE_SCORING_POLICY_MUTATION, { refetchQueries: [SCORING_POLICIES_QUERY] });
  const policies = q.data?.scoringPolicies;
  const weights = Form.useWatch('weights', form);
  const sum = weights ? (weights.response ?? 0) + (weights.resolution ?? 0) + (weights.satisfaction ?? 0) : 0;
  const submit = async (v: Values) => {
    try {
      const r = await save({ variables: { input: { ...v, note: v.note ?? '' } } });
      const p = (r.data as { saveScoringPolicy: { effectiveFrom: string; version: number } }).saveScoringPolicy;
      message.success(`已保存 ${p.effectiveFrom} 起第 ${p.version} 版考核口径`);
    } catch (e) {
      message.error(callbackError(e)); // WEIGHTS_NOT_100 and the rest: the server's Chinese message
    }
  };
  return (
    <Card className="page-card" data-testid="scoring-policy-page">
      <Typography.Title level={4} className="page-title">
        考核口径
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="三率的计算口径按月份生效，每次修改保存为新版本，历史周期可按任一版本重算。默认口径并非官方公布，需与局方确认。"
      />
      <QueryState loading={q.loading && !policies} error={policies ? undefined : q.error} onRetry={() => void q.refetch()} testId="scoring-policies">
        <Table<Policy>
          size="small"
          rowKey="id"
          dataSource={policies ?? []}
          pagination={false}
          data-testid="scoring-policy-list"
          columns={[
            {
              title: '生效月份',
              render: (_: unknown, p: Policy) => (
                <>
                  {p.effectiveFrom} 第 {p.version} 版 {p.isDefault && <Tag color="orange">默认（待确认）</Tag>}
                </>
              ),
            },
            {
              title: '权重 响应/解决/满意',
              render: (_: unknown, p: Policy) => `${p.weights.response}% / ${p.weights.resolution}% / ${p.weights.satisfaction}%`,
            },
            { title: '基本满意系数', dataIndex: 'basicFactor' },
            { title: '考核周期', render: (_: unknown, p: Policy) => (p.periodKind === 'calendar' ? '自然月' : `上月 ${p.cutoffDay} 日起`) },
            {
              title: '回访结果',
              render: (_: unknown, p: Policy) => `${SOURCE_LABELS[p.resultSource] ?? p.resultSource}，${p.resultRound === 'first' ? '首轮' : '最后一轮'}`,
            },
            { title: '加分', render: (_: unknown, p: Policy) => `每分 ${p.bonus.scorePerPoint}，上限 ${p.bonus.cap}` },
            { title: '说明', dataIndex: 'note' },
            { title: '保存时间', render: (_: unknown, p: Policy) => formatDateTime(p.createdAt) },
          ]}
        />
        <Card size="small" title="新增口径版本" style={{ marginTop: 16 }}>
          <Form<Values>
            form={form}
            layout="inline"
            onFinish={(v) => void submit(v)}
            initialValues={fromPolicy(policies?.[0])}
            key={policies?.[0]?.id ?? 'none'}
            data-testid="scoring-policy-form"
          >
            <Form.Item name="effectiveFrom" label="生效月份" rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '格式 YYYY-MM' }]}>
              <Input style={{ width: 110 }} placeholder="2027-01" data-testid="policy-month" />
            </Form.Item>
            <Form.Item name={['weights', 'response']} label="响应率权重 %" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} data-testid="policy-weight-response" />
            </Form.Item>
            <Form.Item name={['weights', 'resolution']} label="解决率权重 %" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} data-testid="policy-weight-resolution" />
            </Form.Item>
            <Form.Item name={['weights', 'satisfaction']} label="满意率权重 %" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} data-testid="policy-weight-satisfaction" />
            </Form.Item>
            <Form.Item label="合计">
              <Typography.Text type={Math.abs(sum - 100) > 1e-9 ? 'danger' : undefined} data-testid="policy-weight-sum">
                {sum}%
              </Typography.Text>
            </Form.Item>
            <Form.Item name="basicFactor" label="基本满意系数" rules={[{ required: true }]}>
              <InputNumber min={0} max={1} step={0.05} />
            </Form.Item>
            <Form.Item name="responseClocks" label="响应口径">
              <Select
                mode="multiple"
                style={{ minWidth: 180 }}
                options={[
                  { value: 'contact', label: '按时联系' },
                  { value: 'handle', label: '按期办结' },
                ]}
              />
            </Form.Item>
            <Form.Item name="contactHours" label="联系时限（小时）" rules={[{ required: true }]}>
              <InputNumber min={1} max={720} />
            </Form.Item>
            <Form.Item name="periodKind" label="考核周期">
              <Select
                style={{ width: 120 }}
                options={[
                  { value: 'calendar', label: '自然月' },
                  { value: 'cutoff', label: '截止日' },
                ]}
              />
            </Form.Item>
            <Form.Item name="cutoffDay" label="截止日" rules={[{ required: true }]}>
              <InputNumber min={2} max={28} />
            </Form.Item>
            <Form.Item name="resultSource" label="回访结果来源">
              <Select style={{ width: 140 }} options={Object.entries(SOURCE_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="resultRound" label="计分轮次">
              <Select
                style={{ width: 110 }}
                options={[
                  { value: 'first', label: '首轮' },
                  { value: 'latest', label: '最后一轮' },
                ]}
              />
            </Form.Item>
            <Form.Item name={['bonus', 'scorePerPoint']} label="每分加分折算" rules={[{ required: true }]}>
              <InputNumber min={0} max={10} step={0.05} />
            </Form.Item>
            <Form.Item name={['bonus', 'cap']} label="加分上限" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item name="note" label="说明">
              <Input style={{ width: 260 }} maxLength={200} />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" loading={saving.loading} data-testid="policy-save">
                  保存为新版本
                </Button>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      </QueryState>
    </Card>
  );
}
