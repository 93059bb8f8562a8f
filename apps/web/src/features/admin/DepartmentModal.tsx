import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import type { Department } from '../../shared/types';
import { CREATE_DEPARTMENT_MUTATION, UPDATE_DEPARTMENT_MUTATION } from './queries';

interface Props {
  open: boolean;
  /** The department being edited; null creates a new one. */
  department: Department | null;
  onClose(): void;
}

interface DepartmentForm {
  code: string;
  name: string;
}

export function DepartmentModal({ open, department, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const [error, setError] = useState<string | null>(null);
  const options = { refetchQueries: ['Departments'], awaitRefetchQueries: true };
  const [createDepartment, { loading: creating }] = useMutation(CREATE_DEPARTMENT_MUTATION, options);
  const [updateDepartment, { loading: updating }] = useMutation(UPDATE_DEPARTMENT_MUTATION, options);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue({ code: department?.code ?? '', name: department?.name ?? '' });
  }, [open, department, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      if (department) {
        await updateDepartment({ variables: { id: department.id, input: { name: v.name.trim() } } });
        message.success('科室已更新');
      } else {
        await createDepartment({ variables: { input: { code: v.code.trim(), name: v.name.trim() } } });
        message.success('科室已创建');
      }
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      title={department ? '编辑科室' : '新建科室'}
      okText="保存"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={creating || updating}
      okButtonProps={{ 'data-testid': 'department-submit' }}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} className="login-alert" data-testid="department-error" />}
      <Form<DepartmentForm> form={form} layout="vertical">
        <Form.Item
          name="code"
          label="科室编码"
          extra={department ? '编码创建后不可修改' : '小写英文字母、数字或短横线，如 property'}
          rules={[
            { required: true, whitespace: true, message: '请输入科室编码' },
            { pattern: /^[a-z][a-z0-9-]{1,31}$/, message: '编码须以小写字母开头，仅含小写字母、数字或短横线' },
          ]}
        >
          <Input disabled={!!department} maxLength={32} data-testid="department-code" />
        </Form.Item>
        <Form.Item name="name" label="科室名称" rules={[{ required: true, whitespace: true, message: '请输入科室名称' }]}>
          <Input maxLength={50} data-testid="department-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
