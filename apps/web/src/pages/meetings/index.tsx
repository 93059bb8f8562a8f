// 调度会 (/meetings) — roles supervisor, leader. A route: composes the feature's screen.
import MeetingsPage from '../../features/meetings/MeetingsPage';

export default function MeetingsRoute() {
  return <MeetingsPage />;
}
