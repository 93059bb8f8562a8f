// 时限规则 (/admin/clocks) — roles admin, supervisor. A route: composes the feature's screen.
import ClockDefinitionsPage from '../../features/supervision/ClockDefinitionsPage';

export default function AdminClocksRoute() {
  return <ClockDefinitionsPage />;
}
