import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../features/auth/AuthContext';
import { roleLabel } from '../shared/labels';
import { homePathFor } from './navigation';

export function ForbiddenPage() {
  const navigate = useNavigate();
  const user = useCurrentUser();
  return (
    <div data-testid="forbidden-page">
      <Result
        status="403"
        title="无权访问"
        subTitle="您的角色无权访问此页面。"
        extra={
          <Button type="primary" onClick={() => navigate(homePathFor(user.role))}>
            返回首页
          </Button>
        }
      />
    </div>
  );
}

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <div data-testid="not-found-page">
      <Result
        status="404"
        title="页面不存在"
        subTitle="您访问的页面不存在。"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回首页
          </Button>
        }
      />
    </div>
  );
}

export function WelcomePage() {
  const user = useCurrentUser();
  return (
    <div data-testid="welcome-page">
      <Result status="success" title={`欢迎，${user.displayName}`} subTitle={`当前角色：${roleLabel(user.role)}。您的工作台正在建设中。`} />
    </div>
  );
}
