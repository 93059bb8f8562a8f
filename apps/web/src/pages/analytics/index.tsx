import { Result } from 'antd';
import { useLocation } from 'react-router-dom';
import { NAVIGATION } from '../../app/navigation';

export default function ComingSoonPage() {
  const { pathname } = useLocation();
  const entry = NAVIGATION.find((e) => e.path === pathname);
  return (
    <div data-testid="coming-soon">
      <Result status="info" title={`${entry?.label ?? '该功能'}即将上线`} subTitle="该功能正在建设中，敬请期待。" />
    </div>
  );
}
