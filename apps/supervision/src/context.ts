import type { ServiceContext } from '@hotline/service-kit';
import type { CalendarStore } from './calendar/calendar-store';
import type { DefinitionStore } from './definitions/definition-store';

/** What supervision's resolvers receive besides the kit's context. */
export type SupervisionContext = ServiceContext & {
  calendars: CalendarStore;
  definitions: DefinitionStore;
};
