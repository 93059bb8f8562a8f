import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import { ROLE_LABELS } from '../../shared/labels';
import type { Department, Role, User } from '../../shared/types';
import { CREATE_USER_MUTATION, UPDATE_USER_MUTATION } from './queries';

interface Props {
  open: boolean;
  /** The user being edited; null creates a new one. */
  user: User | null;
  departments: Department[];
  onClose(): void;
}

interface UserForm {
  username: string;
  displayName: string;
  password?: string;
  role: Role;
  departmentId?: string | null;
}

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({ value, label: ROLE_LABELS[value] }));

export function UserModal({ open, user, departments, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<UserForm>();
  const [error, setError] = useState<string | null>(null);
  const options = { refetchQueries: ['Users'], awaitRefetchQueries: true };
  const [createUser, { loading: creating }] = useMutation(CREATE_USER_MUTATION, options);
  const [updateUser, { loading: updating }] = useMutation(UPDATE_USER_MUTATION, options);
  const role = Form.useWatch('role', form);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: user?.role ?? 'handler',
      departmentId: user?.departmentId ?? undefined,
    });
  }, [open, user, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    const departmentId = v.departmentId || null;
    try {
      if (user) {
        await updateUser({
          variables: { id: user.id, input: { displayName: v.displayName.trim(), role: v.role, departmentId } },
        });
        message.success('用户已更新');
      } else {
        await createUser({
          variables: {
            input: {
              username: v.username.trim(),
              displayName: v.displayName.trim(),
              password: v.password as string,
              role: v.role,
              departmentId,
            },
          },
        });
        message.success('用户已创建');
      }
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const departmentOptions = departments
    .filter((d) => d.active || d.id === user?.departmentId)
    .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（已停用）` }));

  return (
    <Modal
      open={open}
      title={user ? `编辑用户 ${user.username}` : '新建用户'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={creating || updating}
      okButtonProps={{ 'data-testid': 'user-submit' }}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} className="login-alert" data-testid="user-error" />}
      <Form<UserForm> form={form} layout="vertical">
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { pattern: /^[a-zA-Z0-9._-]{2,32}$/, message: '用户名为 2–32 位字母、数字、点、下划线或短横线' },
          ]}
        >
          <Input disabled={!!user} maxLength={32} autoComplete="off" data-testid="user-username" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={50} data-testid="user-displayName" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label="初始密码"
            rules={[
              { required: true, message: '请输入初始密码' },
              { min: 8, message: '密码至少 8 位' },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="user-password" />
          </Form.Item>
        )}
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ROLE_OPTIONS} data-testid="user-role-select" />
        </Form.Item>
        <Form.Item name="departmentId" label="所属科室" rules={[{ required: role === 'handler', message: '科室承办人须选择所属科室' }]}>
          <Select options={departmentOptions} allowClear placeholder="请选择所属科室" data-testid="user-department-select" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
