import type { CalendarError } from '@hotline/calendar';
import { SUPERVISION_ERRORS } from '@hotline/contracts';
import { codedError, DomainError } from '@hotline/service-kit';

/** Each calendar error's entry in the reason list (the calendar's messages are Chinese already). */
const ENTRIES = {
  CALENDAR_YEAR_NOT_LOADED: SUPERVISION_ERRORS.CALENDAR_YEAR_NOT_LOADED,
  INVALID_DATE: SUPERVISION_ERRORS.CALENDAR_INVALID_DATE,
  INVALID_WORKING_HOURS: SUPERVISION_ERRORS.INVALID_WORKING_HOURS,
  INVALID_AMOUNT: SUPERVISION_ERRORS.INVALID_AMOUNT,
} as const satisfies Record<CalendarError['code'], unknown>;

/** A calendar error as a coded BAD_USER_INPUT: its code is the reason, its message is kept. */
export const calendarRefusal = (e: CalendarError): DomainError => codedError(ENTRIES[e.code], { problem: e.message });
