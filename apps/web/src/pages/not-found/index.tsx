// Any unknown path inside the signed-in layout.
import { NotFoundPage } from '../../app/StatusPages';

export default function NotFoundRoute() {
  return <NotFoundPage />;
}
