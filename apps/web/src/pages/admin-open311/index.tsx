// Open311 接口密钥 (/admin/open311) — roles admin. A route: composes the feature's screen.
import Open311KeysPage from '../../features/intake/admin/Open311KeysPage';

export default function AdminOpen311Route() {
  return <Open311KeysPage />;
}
