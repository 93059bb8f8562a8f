// 科室管理 (/admin/departments) — roles admin. A route: composes the feature's screen.
import DepartmentsPage from '../../features/admin/DepartmentsPage';

export default function AdminDepartmentsRoute() {
  return <DepartmentsPage />;
}
