import 'reflect-metadata';
import { main } from '@hotline/service-kit';
import { LoadedCalendar } from '@hotline/calendar';
import { BonusItemRow } from './bonus/bonus-item.entity';
import { publicityAwardsConsumer } from './bonus/publicity-awards.consumer';
import { calendarYearsConsumer, restoreCalendarYears } from './calendar/calendar-years.consumer';
import { workingCalendarOf } from './calendar/working-calendar';
import { CallbackCase } from './cases/callback-case.entity';
import { caseEventsConsumer } from './cases/case-events.consumer';
import { CallbackConfig, CallbackConfigSchema } from './config';
import type { CallbackSettings } from './context';
import { migrations } from './migrations';
import { OfficialResult } from './official/official-result.entity';
import { CallbackResult } from './results/callback-result.entity';
import { buildCallbackSchema } from './schema';
import { ClosedPeriod, ScoringPolicy } from './scoring/scoring-policy.entity';
import { SecondSupervision } from './second-round/second-supervision.entity';
import { CallbackAttempt, CallbackTask } from './tasks/callback-task.entity';

/** The bundled calendar years, with those supervision loads laid over them (kept in callback's table). */
const loadedCalendar = new LoadedCalendar();
/** Another replica may have handled a year-loaded event: its table is read again this often. */
const CALENDAR_REFRESH_MS = 60_000;
let refresh: NodeJS.Timeout | undefined;

function settingsOf(config: CallbackConfig): CallbackSettings {
  const hours = { start: config.CALLBACK_WORK_START_HOUR, end: config.CALLBACK_WORK_END_HOUR };
  return {
    calendar: workingCalendarOf(loadedCalendar),
    hours,
    retry: { maxAttempts: config.CALLBACK_MAX_ATTEMPTS, retryMinutes: config.CALLBACK_RETRY_MINUTES, hours },
    dueWorkingDays: config.CALLBACK_DUE_WORKING_DAYS,
    secondRoundWorkingDays: config.SECOND_ROUND_WORKING_DAYS,
    maxRounds: config.CALLBACK_MAX_ROUNDS,
  };
}

main({
  name: 'callback',
  configSchema: CallbackConfigSchema,
  entities: [CallbackCase, CallbackTask, CallbackAttempt, CallbackResult, SecondSupervision, ScoringPolicy, ClosedPeriod, OfficialResult, BonusItemRow],
  migrations,
  schema: buildCallbackSchema,
  consumers: ({ config }) => [caseEventsConsumer(settingsOf(config as CallbackConfig)), calendarYearsConsumer(loadedCalendar), publicityAwardsConsumer()],
  context: ({ config }) => ({ settings: settingsOf(config as CallbackConfig) }),
  onStart: async ({ orm, log }) => {
    const years = await restoreCalendarYears(orm.em.fork(), loadedCalendar);
    log.info({ years }, 'calendar years loaded by supervision restored');
    refresh = setInterval(() => {
      restoreCalendarYears(orm.em.fork(), loadedCalendar).catch((e) => log.warn({ err: e }, 'calendar refresh failed'));
    }, CALENDAR_REFRESH_MS);
    refresh.unref();
  },
  onStop: async () => clearInterval(refresh),
});
