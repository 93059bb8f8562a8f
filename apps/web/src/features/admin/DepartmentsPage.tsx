import { useState } from 'react';
import { App, Button, Card, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { confirmAction } from '../../shared/confirm';
import { errorMessage } from '../../shared/errors';
import { DEPARTMENTS_QUERY } from '../../shared/fragments';
import { QueryState } from '../../shared/QueryState';
import { tableEmpty } from '../../shared/TableEmpty';
import type { Department } from '../../shared/types';
import { ActiveTag } from './ActiveTag';
import { DepartmentModal } from './DepartmentModal';
import { UPDATE_DEPARTMENT_MUTATION } from './queries';

/** 科室管理: list, create, rename, disable / enable departments. */
export default function DepartmentsPage() {
  const { message, modal } = App.useApp();
  const { data, loading, error, refetch } = useQuery(DEPARTMENTS_QUERY);
  const [editing, setEditing] = useState<Department | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const [updateDepartment] = useMutation(UPDATE_DEPARTMENT_MUTATION, { refetchQueries: ['Departments'] });

  const toggle = async (d: Department) => {
    const action = d.active ? '停用' : '启用';
    const ok = await confirmAction(modal, {
      title: `确认${action}科室「${d.name}」？`,
      content: d.active ? '停用后该科室不再出现在分转选项中。' : undefined,
      okText: `确认${action}`,
      danger: d.active,
    });
    if (!ok) return;
    try {
      await updateDepartment({ variables: { id: d.id, input: { active: !d.active } } });
      message.success(`科室已${action}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<Department> = [
    { title: '科室编码', dataIndex: 'code', width: 180 },
    { title: '科室名称', dataIndex: 'name' },
    { title: '状态', dataIndex: 'active', width: 100, render: (active: boolean) => <ActiveTag active={active} /> },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_, d) => (
        <Space size={4}>
          <Button
            size="small"
            onClick={() => {
              setEditing(d);
              setModalOpen(true);
            }}
            data-testid={`department-edit-${d.code}`}
          >
            编辑
          </Button>
          <Button size="small" danger={d.active} onClick={() => toggle(d)} data-testid={`department-toggle-${d.code}`}>
            {d.active ? '停用' : '启用'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card className="page-card" data-testid="departments-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          科室管理
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setModalOpen(true);
          }}
          data-testid="department-create"
        >
          新建科室
        </Button>
      </div>
      <QueryState loading={false} error={error} onRetry={() => void refetch()} testId="departments">
        <Table<Department>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.departments ?? []}
          loading={loading && !data}
          pagination={false}
          locale={{ emptyText: tableEmpty('暂无科室') }}
        />
      </QueryState>
      <DepartmentModal open={modalOpen} department={editing} onClose={() => setModalOpen(false)} />
    </Card>
  );
}
