// 答复口径 (/scripts) — roles supervisor, leader, duty. A route: composes the feature's screen.
import ScriptsPage from '../../features/scripts/ScriptsPage';

export default function ScriptsRoute() {
  return <ScriptsPage />;
}
