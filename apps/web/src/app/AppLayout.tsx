import { createElement, Suspense, useMemo, useState } from 'react';
import { Layout, Menu, Spin, type MenuProps } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useCurrentUser } from '../features/auth/AuthContext';
import { UserBar } from './UserBar';
import { navigationFor, type NavEntry } from './navigation';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(entries: NavEntry[]): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<string, MenuItem[]>();
  for (const entry of entries) {
    const item: MenuItem = {
      key: entry.path,
      icon: createElement(entry.icon),
      label: <span data-testid={`nav-${entry.key}`}>{entry.label}</span>,
    };
    if (!entry.group) {
      items.push(item);
      continue;
    }
    let children = groups.get(entry.group);
    if (!children) {
      children = [];
      groups.set(entry.group, children);
      items.push({ key: `group:${entry.group}`, label: entry.group, type: 'group', children });
    }
    children.push(item);
  }
  return items;
}

export function AppLayout() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const entries = useMemo(() => navigationFor(user.role), [user.role]);
  const items = useMemo(() => toMenuItems(entries), [entries]);
  const selected = entries.find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`))?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={200} breakpoint="lg" theme="dark" className="app-sider" data-testid="side-menu">
        <div className="app-logo" title="接诉即办工作平台">
          {collapsed ? '12345' : '接诉即办工作平台'}
        </div>
        <Menu theme="dark" mode="inline" items={items} selectedKeys={selected ? [selected] : []} onClick={({ key }) => navigate(key)} />
      </Sider>
      <Layout>
        <Header className="app-header">
          <UserBar />
        </Header>
        <Content className="app-content">
          <Suspense fallback={<Spin size="large" className="page-spin" />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
