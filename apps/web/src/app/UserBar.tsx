import { Button, Space, Tag, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useAuth, useCurrentUser } from '../features/auth/AuthContext';
import { roleLabel } from '../shared/labels';

/** Header strip: who is signed in (name, role, department) and the logout button. */
export function UserBar() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <Space size="middle" className="user-bar" data-testid="user-bar">
      <Space size={4}>
        <UserOutlined />
        <Typography.Text strong data-testid="user-display-name">
          {user.displayName}
        </Typography.Text>
      </Space>
      <Tag color="blue" data-testid="user-role">
        {roleLabel(user.role)}
      </Tag>
      {user.department?.name && (
        <Typography.Text type="secondary" data-testid="user-department">
          {user.department.name}
        </Typography.Text>
      )}
      <Button
        icon={<LogoutOutlined />}
        data-testid="logout-button"
        onClick={async () => {
          await logout();
          navigate('/login', { replace: true });
        }}
      >
        退出登录
      </Button>
    </Space>
  );
}
