// 工作日历 (/admin/calendar) — roles admin, supervisor. A route: composes the feature's screen.
import CalendarPage from '../../features/supervision/CalendarPage';

export default function AdminCalendarRoute() {
  return <CalendarPage />;
}
