// 宣传 (/publicity) — roles supervisor, leader. A route: composes the feature's screen.
import PublicityPage from '../../features/publicity/PublicityPage';

export default function PublicityRoute() {
  return <PublicityPage />;
}
