import type { Dayjs } from 'dayjs';
import { dayjs, TIME_ZONE } from '../../../shared/time';

export interface SearchForm {
  externalNo?: string;
  phone?: string;
  text?: string;
  projectName?: string;
  topic?: string;
  stage?: string;
  received?: [Dayjs | null, Dayjs | null] | null;
}

export interface CaseSearchFilter {
  externalNo?: string;
  phone?: string;
  text?: string;
  projectName?: string;
  topic?: string;
  stage?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

const clean = (v?: string) => (v && v.trim() ? v.trim() : undefined);

/** Start of a calendar day in Asia/Shanghai, as an ISO instant. */
function dayStart(d: Dayjs, addDays = 0): string {
  return dayjs.tz(d.format('YYYY-MM-DD'), TIME_ZONE).add(addDays, 'day').toISOString();
}

/** The API filter for the form: trimmed text, dates as whole days in Beijing time (end exclusive). */
export function toFilter(v: SearchForm, allowPhone: boolean): CaseSearchFilter {
  const f: CaseSearchFilter = {
    externalNo: clean(v.externalNo),
    phone: allowPhone ? clean(v.phone)?.replace(/\s+/g, '') : undefined,
    text: clean(v.text),
    projectName: clean(v.projectName),
    topic: clean(v.topic),
    stage: v.stage || undefined,
    receivedFrom: v.received?.[0] ? dayStart(v.received[0]) : undefined,
    receivedTo: v.received?.[1] ? dayStart(v.received[1], 1) : undefined,
  };
  return Object.fromEntries(Object.entries(f).filter(([, value]) => value !== undefined)) as CaseSearchFilter;
}
