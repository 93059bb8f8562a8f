import 'reflect-metadata';
import { main } from '@hotline/service-kit';
import { prcCalendar } from './calendar/working-calendar';
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

function settingsOf(config: CallbackConfig): CallbackSettings {
  const hours = { start: config.CALLBACK_WORK_START_HOUR, end: config.CALLBACK_WORK_END_HOUR };
  return {
    calendar: prcCalendar,
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
  entities: [CallbackCase, CallbackTask, CallbackAttempt, CallbackResult, SecondSupervision, ScoringPolicy, ClosedPeriod, OfficialResult, CaseExclusion],
  migrations,
  schema: buildCallbackSchema,
  consumers: ({ config }) => [caseEventsConsumer(settingsOf(config as CallbackConfig)), exclusionsConsumer()],
  context: ({ config }) => ({ settings: settingsOf(config as CallbackConfig) }),
});
