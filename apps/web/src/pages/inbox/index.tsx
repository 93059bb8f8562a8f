// 科室工作台 (/inbox) — roles handler. A route: composes the feature's screen.
import InboxPage from '../../features/dispatch/inbox/InboxPage';

export default function InboxRoute() {
  return <InboxPage />;
}
