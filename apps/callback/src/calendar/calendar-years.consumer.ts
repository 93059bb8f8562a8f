import type { calendarYears, CalendarYearData, ConsumerDefinition } from '@hotline/service-kit';

/**
 * 工作日历 from supervision: a year an administrator loads there (`hotline.calendar.year-loaded`)
 * is kept in callback's own table and laid over the bundled years (see main.ts).
 */
export const calendarYearsConsumer = (years: ReturnType<typeof calendarYears>): ConsumerDefinition => ({
  name: 'callback-calendar',
  subject: 'hotline.calendar.>',
  handlers: {
    'hotline.calendar.year-loaded': (e, em) => years.save(em, e.data as unknown as CalendarYearData & { loadedAt: string }),
  },
});
