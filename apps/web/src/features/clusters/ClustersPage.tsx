import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { actionErrorMessage } from '../dispatch/handling/useCaseAction';
import { DateTimeCell } from '../../shared/DateTimeCell';
import { QueryState } from '../../shared/QueryState';
import { tableEmpty } from '../../shared/TableEmpty';
import { ClusterDrawer } from './ClusterDrawer';
import { CLUSTER_THRESHOLDS_QUERY, CLUSTERS_QUERY, FLAG_KEY_PERSON, KEY_PERSONS_QUERY, SET_CLUSTER_THRESHOLDS, UNFLAG_KEY_PERSON } from './queries';
import type { ClusterItem, ClusterThresholds, KeyPersonItem } from './types';

function ClustersTab({ canUrge }: { canUrge: boolean }) {
  const [kind, setKind] = useState<'burst' | 'group'>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery(CLUSTERS_QUERY, {
    variables: { kind: kind ?? null, offset: (page - 1) * pageSize, limit: pageSize },
    fetchPolicy: 'cache-and-network',
    pollInterval: 60_000,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="全部类型"
          style={{ width: 140 }}
          value={kind}
          onChange={(v) => {
            setKind(v);
            setPage(1);
          }}
          options={[
            { value: 'burst', label: '爆发性' },
            { value: 'group', label: '群体性' },
          ]}
          data-testid="clusters-kind"
        />
        <Button icon={<ReloadOutlined />} onClick={() => void q.refetch()}>
          刷新
        </Button>
      </Space>
      <QueryState loading={q.loading && !q.data} error={q.data ? undefined : q.error} onRetry={() => void q.refetch()} testId="clusters">
        <Table<ClusterItem>
          rowKey="id"
          dataSource={q.data?.clusters.items ?? []}
          locale={{ emptyText: tableEmpty('尚未发现聚类') }}
          columns={[
            { title: '类型', key: 'kind', width: 90, render: (_, c) => <Tag color={c.kind === 'burst' ? 'orange' : 'red'}>{c.kindLabel}</Tag> },
            { title: '项目/社区', dataIndex: 'place', ellipsis: true },
            { title: '问题类型', dataIndex: 'topic', width: 140 },
            { title: '件数', dataIndex: 'caseCount', width: 70 },
            { title: '来电人数', dataIndex: 'callerCount', width: 90 },
            { title: '最近一件', key: 'last', width: 140, render: (_, c) => <DateTimeCell value={c.lastCaseAt} /> },
            {
              title: '',
              key: 'open',
              width: 80,
              render: (_, c) => (
                <Button size="small" onClick={() => setOpen(c.id)} data-testid={`cluster-open-${c.id}`}>
                  查看
                </Button>
              ),
            },
          ]}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.clusters.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 项`,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          data-testid="clusters-table"
        />
      </QueryState>
      <ClusterDrawer clusterId={open} canUrge={canUrge} onClose={() => setOpen(null)} />
    </>
  );
}

function ThresholdsTab({ canEdit }: { canEdit: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ClusterThresholds>();
  const q = useQuery(CLUSTER_THRESHOLDS_QUERY);
  const [save, s] = useMutation(SET_CLUSTER_THRESHOLDS, { refetchQueries: [CLUSTER_THRESHOLDS_QUERY] });
  const t = q.data?.clusterThresholds;
  const submit = async (v: ClusterThresholds) => {
    try {
      await save({
        variables: {
          input: {
            burstMinCases: v.burstMinCases,
            burstWindowHours: v.burstWindowHours,
            groupMinCallers: v.groupMinCallers,
            groupWindowHours: v.groupWindowHours,
          },
        },
      });
      message.success('聚类阈值已保存，对此后受理的工单生效');
    } catch (e) {
      message.error(actionErrorMessage(e));
    }
  };
  const num = (name: keyof ClusterThresholds, label: string, suffix: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={1} max={2160} precision={0} addonAfter={suffix} disabled={!canEdit} data-testid={`threshold-${name}`} />
    </Form.Item>
  );
  return (
    <QueryState loading={q.loading && !q.data} error={q.data ? undefined : q.error} onRetry={() => void q.refetch()} testId="thresholds">
      {t && (
        <>
          {!t.updatedAt && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="当前为默认阈值（待确认）：请与局里确认后由系统管理员设置" />}
          <Form<ClusterThresholds> form={form} layout="inline" initialValues={t} onFinish={submit} key={t.updatedAt ?? 'default'}>
            {num('burstMinCases', '爆发性：件数', '件')}
            {num('burstWindowHours', '时间窗口', '小时')}
            {num('groupMinCallers', '群体性：来电人数', '人')}
            {num('groupWindowHours', '时间窗口', '小时')}
            {canEdit && (
              <Button type="primary" htmlType="submit" loading={s.loading} data-testid="thresholds-save">
                保存
              </Button>
            )}
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
            同一项目（无项目时为社区）同一问题类型：时间窗口内件数达到阈值为爆发性；不同来电人数（按来电号码的加密摘要计，不含号码）达到阈值为群体性。
          </Typography.Paragraph>
        </>
      )}
    </QueryState>
  );
}

function KeyPersonsTab({ canFlag }: { canFlag: boolean }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [dialog, setDialog] = useState<'flag' | 'unflag' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ phone: string; reason: string }>();
  const q = useQuery(KEY_PERSONS_QUERY, {
    variables: { active: true, offset: (page - 1) * pageSize, limit: pageSize },
    fetchPolicy: 'cache-and-network',
  });
  const [flag, f] = useMutation(FLAG_KEY_PERSON, { refetchQueries: [KEY_PERSONS_QUERY] });
  const [unflag, u] = useMutation(UNFLAG_KEY_PERSON, { refetchQueries: [KEY_PERSONS_QUERY] });
  const submit = async (v: { phone: string; reason: string }) => {
    setError(null);
    try {
      await (dialog === 'flag' ? flag : unflag)({ variables: { input: { phone: v.phone.trim(), reason: v.reason.trim() } } });
      message.success(dialog === 'flag' ? '已标记为重点人，其下一件工单受理时将标注' : '已取消重点人标记');
      form.resetFields();
      setDialog(null);
    } catch (e) {
      setError(actionErrorMessage(e));
    }
  };
  return (
    <>
      {canFlag && (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setDialog('flag')} data-testid="key-person-flag">
            标记重点人
          </Button>
          <Button onClick={() => setDialog('unflag')} data-testid="key-person-unflag">
            取消标记
          </Button>
        </Space>
      )}
      <QueryState loading={q.loading && !q.data} error={q.data ? undefined : q.error} onRetry={() => void q.refetch()} testId="key-persons">
        <Table<KeyPersonItem>
          rowKey="id"
          dataSource={q.data?.keyPersons.items ?? []}
          locale={{ emptyText: tableEmpty('没有重点人') }}
          columns={[
            { title: '号码（脱敏）', dataIndex: 'phoneMasked', width: 140 },
            { title: '原因', dataIndex: 'reason', ellipsis: true },
            { title: '标记时间', key: 'at', width: 140, render: (_, p) => <DateTimeCell value={p.flaggedAt} /> },
            {
              title: '记录',
              key: 'history',
              render: (_, p) => p.history.map((h) => `${h.action === 'flag' ? '标记' : '取消'}（${h.by.displayName ?? ''}）`).join('；'),
            },
          ]}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.keyPersons.total ?? 0,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          data-testid="key-persons-table"
        />
      </QueryState>
      <Modal
        open={!!dialog}
        title={dialog === 'flag' ? '标记重点人' : '取消重点人标记'}
        onCancel={() => {
          setDialog(null);
          setError(null);
        }}
        onOk={() => form.submit()}
        confirmLoading={f.loading || u.loading}
        okText="确定"
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="phone"
            label="来电号码"
            extra="号码只用于计算加密摘要，系统不保存号码"
            rules={[{ required: true, pattern: /^[0-9+\- ]{5,20}$/, message: '请输入正确的来电号码' }]}
          >
            <Input maxLength={20} autoComplete="off" data-testid="key-person-phone" />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, min: 2, message: '请填写原因（至少 2 个字）' }]}>
            <Input.TextArea rows={3} maxLength={200} data-testid="key-person-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** 聚类/重点人 (supervisor; leader and duty read; the administrator sets the thresholds). */
export default function ClustersPage() {
  const user = useCurrentUser();
  const isSupervisor = user.role === 'supervisor';
  const tabs = [
    { key: 'clusters', label: '聚类', children: <ClustersTab canUrge={isSupervisor} /> },
    ...(isSupervisor || user.role === 'admin'
      ? [
          { key: 'key-persons', label: '重点人', children: <KeyPersonsTab canFlag={isSupervisor} /> },
          { key: 'thresholds', label: '聚类阈值', children: <ThresholdsTab canEdit={user.role === 'admin'} /> },
        ]
      : []),
  ];
  return (
    <Card className="page-card" data-testid="clusters-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          聚类 / 重点人
        </Typography.Title>
      </div>
      <Tabs items={tabs} defaultActiveKey={user.role === 'admin' ? 'thresholds' : 'clusters'} />
    </Card>
  );
}
