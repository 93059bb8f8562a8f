// 聚类阈值 (/admin/clusters) — roles admin. A route: composes the feature's screen.
import ClustersPage from '../../features/clusters/ClustersPage';

export default function AdminClustersRoute() {
  return <ClustersPage />;
}
