// 权责清单 (/admin/catalogue) — roles admin, supervisor. A route: composes the feature's screen.
import CataloguePage from '../../features/dispatch/catalogue/CataloguePage';

export default function AdminCatalogueRoute() {
  return <CataloguePage />;
}
