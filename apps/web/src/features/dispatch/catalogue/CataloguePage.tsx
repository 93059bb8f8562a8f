import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Alert, App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { useCurrentUser } from '../../auth/AuthContext';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { errorMessage } from '../../../shared/errors';
import { DEPARTMENTS_QUERY } from '../../../shared/fragments';
import { tableEmpty } from '../../../shared/TableEmpty';
import { ModelCard } from './ModelCard';
import { RESPONSIBILITY_RULES_QUERY, RETIRE_RULE_MUTATION } from './queries';
import { RuleModal } from './RuleModal';
import type { ResponsibilityRule } from './types';

function Conditions({ r }: { r: ResponsibilityRule }) {
  const groups: [string, string[]][] = [
    ['主题', r.topics],
    ['关键词', r.keywords],
    ['项目', r.projects],
    ['街道', r.streets],
  ];
  return (
    <Space direction="vertical" size={2}>
      {groups
        .filter(([, values]) => values.length > 0)
        .map(([name, values]) => (
          <span key={name}>
            <Typography.Text type="secondary">{name}：</Typography.Text>
            {values.join('、')}
          </span>
        ))}
    </Space>
  );
}

/** 权责清单: the responsibility catalogue that drives dispatch suggestions, and the model's accuracy. */
export default function CataloguePage() {
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const { message } = App.useApp();
  const [history, setHistory] = useState(false);
  const [editing, setEditing] = useState<ResponsibilityRule | null | 'new'>(null);
  const { data, loading, error, refetch } = useQuery(RESPONSIBILITY_RULES_QUERY, {
    variables: { history },
  });
  const deps = useQuery(DEPARTMENTS_QUERY);
  const [retire] = useMutation(RETIRE_RULE_MUTATION, { refetchQueries: ['ResponsibilityRules'], awaitRefetchQueries: true });
  const departments = deps.data?.departments ?? [];
  const nameOfCode = (code: string) => departments.find((d) => d.code === code)?.name ?? code;
  const rules = data?.responsibilityRules ?? [];

  const onRetire = async (r: ResponsibilityRule) => {
    try {
      await retire({ variables: { ruleKey: r.ruleKey } });
      message.success(`已停用「${r.name}」`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const current = (r: ResponsibilityRule) => !r.supersededAt && r.active;
  const columns: TableColumnsType<ResponsibilityRule> = [
    // Widths add up to the page at 1366 px (with 操作): nothing hides under the fixed column.
    { title: '条目名称', dataIndex: 'name', width: 136, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '匹配条件', key: 'conditions', render: (_, r) => <Conditions r={r} /> },
    { title: '主办科室', dataIndex: 'leadDepartmentCode', width: 104, render: (c: string) => nameOfCode(c) },
    { title: '协办科室', dataIndex: 'assistDepartmentCodes', width: 104, render: (cs: string[]) => (cs.length ? cs.map(nameOfCode).join('、') : '—') },
    { title: '依据', dataIndex: 'basis', width: 140, ellipsis: { showTitle: true }, render: (v: string) => v || '—' },
    {
      title: <span style={{ whiteSpace: 'nowrap' }}>优先级</span>,
      dataIndex: 'priority',
      width: 88,
      sorter: (a, b) => a.priority - b.priority,
      showSorterTooltip: { title: '按优先级排序（数字大的先匹配）' },
    },
    {
      title: '版本',
      key: 'version',
      width: 96,
      render: (_, r) => (
        <Space size={4}>
          {`v${r.version}`}
          {r.supersededAt ? <Tag>历史</Tag> : r.active ? <Tag color="green">现行</Tag> : <Tag color="red">已停用</Tag>}
        </Space>
      ),
    },
    { title: '修订时间', dataIndex: 'createdAt', width: 100, render: (v: string) => <DateTimeCell value={v} /> },
    ...(isAdmin
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 128,
            fixed: 'right' as const,
            render: (_: unknown, r: ResponsibilityRule) =>
              current(r) ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.ruleKey}`}>
                    修订
                  </Button>
                  <Popconfirm
                    title={`停用「${r.name}」？`}
                    description="停用后不再据此给出分转建议，历史版本保留。"
                    okText="停用"
                    cancelText="取消"
                    okButtonProps={{ danger: true, 'data-testid': 'confirm-ok' } as { danger: boolean }}
                    onConfirm={() => onRetire(r)}
                  >
                    <Button size="small" danger data-testid={`rule-retire-${r.ruleKey}`}>
                      停用
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card className="page-card" data-testid="catalogue-page" data-loaded={data ? 'true' : 'false'}>
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          权责清单
        </Typography.Title>
        <Space>
          <span>
            显示历史版本 <Switch checked={history} onChange={setHistory} data-testid="rule-history-toggle" />
          </span>
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()}>
            刷新
          </Button>
          {isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="rule-create">
              新增条目
            </Button>
          )}
        </Space>
      </div>
      <ModelCard canRetrain={isAdmin || user.role === 'supervisor'} nameOfCode={nameOfCode} />
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          message={errorMessage(error)}
          action={
            <Button size="small" onClick={() => void refetch()}>
              重试
            </Button>
          }
        />
      )}
      <Table<ResponsibilityRule>
        style={{ marginTop: 12 }}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rules}
        loading={loading && !data}
        onRow={(r) => ({ 'data-testid': `rule-row-${r.ruleKey}`, 'data-version': r.version }) as HTMLAttributes<HTMLElement>}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
        scroll={{ x: 1040 }}
        locale={{ emptyText: tableEmpty('暂无权责清单条目') }}
      />
      <RuleModal open={editing !== null} rule={editing === 'new' ? null : editing} departments={departments} onClose={() => setEditing(null)} />
    </Card>
  );
}
