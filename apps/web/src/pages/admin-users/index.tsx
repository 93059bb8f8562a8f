// 用户管理 (/admin/users) — roles admin. A route: composes the feature's screen.
import UsersPage from '../../features/admin/UsersPage';

export default function AdminUsersRoute() {
  return <UsersPage />;
}
