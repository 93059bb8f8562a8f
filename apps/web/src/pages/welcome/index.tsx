// /welcome: where a role without a built screen lands.
import { WelcomePage } from '../../app/StatusPages';

export default function WelcomeRoute() {
  return <WelcomePage />;
}
