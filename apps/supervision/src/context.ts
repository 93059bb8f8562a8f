import type { ServiceContext } from '@hotline/service-kit';
import type { CalendarStore } from './calendar/calendar-store';
import type { DefinitionStore } from './definitions/definition-store';
import type { SecondRoundDeps } from './second-round/open-round';

/** What supervision's resolvers receive besides the kit's context. */
export type SupervisionContext = ServiceContext & {
  calendars: CalendarStore;
  definitions: DefinitionStore;
  /** 二次督办: the calendar and the round's working days. */
  secondRound: SecondRoundDeps;
};
