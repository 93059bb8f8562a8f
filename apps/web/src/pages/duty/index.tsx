// 值守工作台 (/duty) — roles duty. A route: composes the feature's screen.
import DutyWorkbenchPage from '../../features/dispatch/duty/DutyWorkbenchPage';

export default function DutyRoute() {
  return <DutyWorkbenchPage />;
}
