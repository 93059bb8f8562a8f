// 考核口径 (/admin/scoring-policy) — roles admin. A route: composes the feature's screen.
import ScoringPolicyPage from '../../features/callback/ScoringPolicyPage';

export default function AdminScoringPolicyRoute() {
  return <ScoringPolicyPage />;
}
