// 工单导入 (/intake/import) — roles duty, admin. A route: composes the feature's screen.
import ImportPage from '../../features/intake/import/ImportPage';

export default function IntakeImportRoute() {
  return <ImportPage />;
}
