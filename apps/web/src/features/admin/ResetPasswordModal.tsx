import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import type { User } from '../../shared/types';
import { RESET_PASSWORD_MUTATION } from './queries';

interface Props {
  user: User | null;
  onClose(): void;
}

interface PasswordForm {
  password: string;
  confirm: string;
}

/** 重置密码: the administrator sets a new password for a user. */
export function ResetPasswordModal({ user, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const [resetPassword, { loading }] = useMutation(RESET_PASSWORD_MUTATION);

  useEffect(() => {
    if (user) {
      form.resetFields();
      setError(null);
    }
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      await resetPassword({ variables: { id: user.id, password: v.password } });
      message.success(`已重置 ${user.displayName} 的密码`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open={user !== null}
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      okText="重置"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'reset-password-submit' }}
      forceRender
    >
      {error && <Alert type="error" showIcon message={error} className="login-alert" />}
      <Form<PasswordForm> form={form} layout="vertical">
        <Form.Item
          name="password"
          label="新密码"
          rules={[
            { required: true, message: '请输入新密码' },
            { min: 8, message: '密码至少 8 位' },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认新密码"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
