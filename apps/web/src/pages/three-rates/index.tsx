// 三率考核 (/three-rates) — roles leader, supervisor. A route: composes the feature's screen.
import ThreeRatesPage from '../../features/callback/ThreeRatesPage';

export default function ThreeRatesRoute() {
  return <ThreeRatesPage />;
}
