// 督办事项 (/tracked-tasks) — roles supervisor, leader, handler. A route: composes the feature's screen.
import TrackedTasksPage from '../../features/meetings/TrackedTasksPage';

export default function TrackedTasksRoute() {
  return <TrackedTasksPage />;
}
