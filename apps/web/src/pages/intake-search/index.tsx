// 工单查询 (/intake/search) — roles duty, supervisor, leader, handler. A route: composes the feature's screen.
import SearchPage from '../../features/intake/search/SearchPage';

export default function IntakeSearchRoute() {
  return <SearchPage />;
}
