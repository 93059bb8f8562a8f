// 局审核 (/review) — roles duty, supervisor. A route: composes the feature's screen.
import ReviewPage from '../../features/review/ReviewPage';

export default function ReviewRoute() {
  return <ReviewPage />;
}
