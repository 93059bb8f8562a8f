import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../shared/errors';
import { canAccess, homePathFor } from '../../app/navigation';
import type { Role } from '../../shared/types';
import { useAuth } from '../../features/auth/AuthContext';
import { clearFlash, peekFlash } from '../../features/auth/session';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [flash] = useState(() => peekFlash());
  useEffect(() => clearFlash(), []);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  // Go back where the user was heading, unless that page is not for this role.
  const target = (role: Role) => (from && from !== '/login' && canAccess(role, from.split('?')[0]) ? from : homePathFor(role));

  if (user) return <Navigate to={target(user.role)} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const signedIn = await login(values.username.trim(), values.password);
      navigate(target(signedIn.role), { replace: true });
    } catch (e) {
      setError(errorMessage(e, { UNAUTHENTICATED: '用户名或密码错误', FORBIDDEN: '账号已停用，请联系系统管理员' }));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page" data-testid="login-page">
      <Card className="login-card">
        <Typography.Title level={3} className="login-title">
          接诉即办工作平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" className="login-subtitle">
          12345市民服务热线工单办理
        </Typography.Paragraph>
        {flash && <Alert type="warning" showIcon message={flash} className="login-alert" data-testid="login-flash" />}
        {error && <Alert type="error" showIcon message={error} className="login-alert" data-testid="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
