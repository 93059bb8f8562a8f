import 'reflect-metadata';
import { calendarYears, ContextExtras, main } from '@hotline/service-kit';
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
import type { CallbackContext, CallbackSettings } from './context';
import { migrations } from './migrations';
import { OfficialResult } from './official/official-result.entity';
import { CallbackResult } from './results/callback-result.entity';
import { buildCallbackSchema } from './schema';
import { ClosedPeriod, ScoringPolicy } from './scoring/scoring-policy.entity';
import { identityAgentCheck } from './tasks/agent-check';
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
    maxRounds: config.CALLBACK_MAX_ROUNDS,
  };
}

main({
  name: 'callback',
  configSchema: CallbackConfigSchema,
  entities: [CallbackCase, CallbackTask, CallbackAttempt, CallbackResult, ScoringPolicy, ClosedPeriod, OfficialResult, CaseExclusion, BonusItemRow],
  migrations,
  schema: buildCallbackSchema,
  consumers: ({ config }) => [
    caseEventsConsumer(settingsOf(config as CallbackConfig)),
    exclusionsConsumer(),
    calendarYearsConsumer(years),
    publicityAwardsConsumer(),
  ],
  context: ({ config, services, log }): ContextExtras<CallbackContext> => ({
    settings: settingsOf(config as CallbackConfig),
    agents: identityAgentCheck(services, (config as CallbackConfig).IDENTITY_GRAPHQL_URL, log),
  }),
  onStart: async (deps) => {
    if (!deps.config.SERVICE_CLIENT_SECRET)
      deps.log.warn('SERVICE_CLIENT_SECRET is not set: callback cannot ask identity about callback agents, and a supervisor cannot assign a callback task');
    await years.start(deps);
  },
  onStop: () => years.stop(),
});
