// 个人信息查看记录 (/admin/reveal-log) — roles admin. A route: composes the feature's screen.
import RevealLogPage from '../../features/intake/personal/RevealLogPage';

export default function AdminRevealLogRoute() {
  return <RevealLogPage />;
}
