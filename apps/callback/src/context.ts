import type { ServiceContext } from '@hotline/service-kit';
import type { WorkingCalendar } from './calendar/working-calendar';
import type { WorkingHours } from './calendar/working-time';
import type { CallbackAgentCheck } from './tasks/agent-check';
import type { RetryPolicy } from './tasks/retry-policy';

/** The rules callback's use cases run under, read once from the config. */
export interface CallbackSettings {
  calendar: WorkingCalendar;
  hours: WorkingHours;
  retry: RetryPolicy;
  dueWorkingDays: number;
  maxRounds: number;
}

/** What callback's resolvers receive besides the kit's context. */
export type CallbackContext = ServiceContext & {
  settings: CallbackSettings;
  /** Whether a user is an active 回访员 (identity's service-scoped query), before a supervisor assigns a task. */
  agents: CallbackAgentCheck;
};
