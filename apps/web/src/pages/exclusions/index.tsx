// 不纳入考核 (/exclusions) — roles supervisor, leader, admin. A route: composes the feature's screen.
import ExclusionsPage from '../../features/claims/ExclusionsPage';

export default function ExclusionsRoute() {
  return <ExclusionsPage />;
}
