// 督办 (/supervision) — roles supervisor, leader. A route: composes the feature's screen.
import SupervisionPage from '../../features/supervision/SupervisionPage';

export default function SupervisionRoute() {
  return <SupervisionPage />;
}
