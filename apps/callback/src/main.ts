import 'reflect-metadata';
import { calendarYears, main } from '@hotline/service-kit';
import { LoadedCalendar } from '@hotline/calendar';
import { BonusItemRow } from './bonus/bonus-item.entity';
import { publicityAwardsConsumer } from './bonus/publicity-awards.consumer';
import { calendarYearsConsumer } from './calendar/calendar-years.consumer';
import { workingCalendarOf } from './calendar/working-calendar';
import { CallbackCase } from './cases/callback-case.entity';
import { caseEventsConsumer } from './cases/case-events.consumer';
import { CallbackConfig, CallbackConfigSchema } from './config';
import { CaseExclusion } from './exclusions/exclusion.entity';
import { exclusionsConsumer } from './exclusions/exclusions.consumer';
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
const years = calendarYears('callback_calendar_year', loadedCalendar);

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
  entities: [CallbackCase, CallbackTask, CallbackAttempt, CallbackResult, SecondSupervision, ScoringPolicy, ClosedPeriod, OfficialResult, CaseExclusion, BonusItemRow],
  migrations,
  schema: buildCallbackSchema,
  consumers: ({ config }) => [caseEventsConsumer(settingsOf(config as CallbackConfig)), exclusionsConsumer(), calendarYearsConsumer(years), publicityAwardsConsumer()],
  context: ({ config }) => ({ settings: settingsOf(config as CallbackConfig) }),
  onStart: (deps) => years.start(deps),
  onStop: () => years.stop(),
});
