// 办结反馈 (/intake/feedback) — roles duty, admin. A route: composes the feature's screen.
import FeedbackPage from '../../features/intake/admin/FeedbackPage';

export default function IntakeFeedbackRoute() {
  return <FeedbackPage />;
}
