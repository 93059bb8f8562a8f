// 受理规则与主题 (/admin/intake-rules) — roles admin. A route: composes the feature's screen.
import IntakeRulesPage from '../../features/intake/admin/IntakeRulesPage';

export default function AdminIntakeRulesRoute() {
  return <IntakeRulesPage />;
}
