// 回访 (/callback) — roles callback, supervisor. A route: composes the feature's screen.
import CallbackPage from '../../features/callback/CallbackPage';

export default function CallbackRoute() {
  return <CallbackPage />;
}
