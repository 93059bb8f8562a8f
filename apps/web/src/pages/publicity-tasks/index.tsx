// 宣传任务 (/publicity/tasks) — roles handler. A route: composes the feature's screen.
import PublicityTasksPage from '../../features/publicity/PublicityTasksPage';

export default function PublicityTasksRoute() {
  return <PublicityTasksPage />;
}
