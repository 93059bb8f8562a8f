import { useMemo, useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { useCurrentUser } from '../auth/AuthContext';
import { confirmAction } from '../../shared/confirm';
import { errorMessage } from '../../shared/errors';
import { DEPARTMENTS_QUERY } from '../../shared/fragments';
import { roleLabel } from '../../shared/labels';
import { QueryState } from '../../shared/QueryState';
import { tableEmpty } from '../../shared/TableEmpty';
import type { Role, User } from '../../shared/types';
import { ActiveTag } from './ActiveTag';
import { UPDATE_USER_MUTATION, USERS_QUERY } from './queries';
import { ResetPasswordModal } from './ResetPasswordModal';
import { ROLE_OPTIONS, UserModal } from './UserModal';

/** 用户管理: list, create, edit (role, department), reset password, disable / enable users. */
export default function UsersPage() {
  const me = useCurrentUser();
  const { message, modal } = App.useApp();
  const users = useQuery(USERS_QUERY);
  const departments = useQuery(DEPARTMENTS_QUERY);
  const [updateUser] = useMutation(UPDATE_USER_MUTATION, { refetchQueries: ['Users'] });
  const [editing, setEditing] = useState<User | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [search, setSearch] = useState('');
  const [roleFilter, setRoleFilter] = useState<Role | undefined>();

  const departmentList = departments.data?.departments ?? [];
  const departmentName = (u: User) => u.department?.name ?? departmentList.find((d) => d.id === u.departmentId)?.name ?? '—';

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (users.data?.users ?? []).filter(
      (u) => (!roleFilter || u.role === roleFilter) && (!q || u.username.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q)),
    );
  }, [users.data, search, roleFilter]);

  const toggle = async (u: User) => {
    const action = u.active ? '停用' : '启用';
    const ok = await confirmAction(modal, {
      title: `确认${action}用户「${u.displayName}」？`,
      content: u.active ? '停用后该用户将无法登录。' : undefined,
      okText: `确认${action}`,
      danger: u.active,
    });
    if (!ok) return;
    try {
      await updateUser({ variables: { id: u.id, input: { active: !u.active } } });
      message.success(`用户已${action}`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 180 },
    { title: '姓名', dataIndex: 'displayName', width: 140 },
    { title: '角色', dataIndex: 'role', width: 120, render: (role: string) => roleLabel(role) },
    { title: '所属科室', key: 'department', render: (_, u) => departmentName(u) },
    { title: '状态', dataIndex: 'active', width: 90, render: (active: boolean) => <ActiveTag active={active} /> },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_, u) => (
        <Space size={4}>
          <Button
            size="small"
            onClick={() => {
              setEditing(u);
              setModalOpen(true);
            }}
            data-testid={`user-edit-${u.username}`}
          >
            编辑
          </Button>
          <Button size="small" onClick={() => setResetting(u)} data-testid={`user-reset-${u.username}`}>
            重置密码
          </Button>
          <Button
            size="small"
            danger={u.active}
            disabled={u.id === me.id}
            title={u.id === me.id ? '不能停用当前登录的账号' : undefined}
            onClick={() => toggle(u)}
            data-testid={`user-toggle-${u.username}`}
          >
            {u.active ? '停用' : '启用'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card className="page-card" data-testid="users-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          用户管理
        </Typography.Title>
        <Space>
          <Input.Search
            allowClear
            placeholder="搜索用户名或姓名"
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 220 }}
            data-testid="user-search"
          />
          <Select allowClear placeholder="全部角色" options={ROLE_OPTIONS} value={roleFilter} onChange={setRoleFilter} style={{ width: 140 }} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setModalOpen(true);
            }}
            data-testid="user-create"
          >
            新建用户
          </Button>
        </Space>
      </div>
      <QueryState loading={false} error={users.error} onRetry={() => void users.refetch()} testId="users">
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={users.loading && !users.data}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 人` }}
          locale={{ emptyText: tableEmpty('暂无用户') }}
        />
      </QueryState>
      <UserModal open={modalOpen} user={editing} departments={departmentList} onClose={() => setModalOpen(false)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Card>
  );
}
