// 聚类/重点人 (/clusters) — roles supervisor, leader, duty. A route: composes the feature's screen.
import ClustersPage from '../../features/clusters/ClustersPage';

export default function ClustersRoute() {
  return <ClustersPage />;
}
