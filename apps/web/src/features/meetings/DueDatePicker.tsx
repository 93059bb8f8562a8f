import { DatePicker } from 'antd';
import { useQuery } from '@apollo/client';
import { dayjs } from '../../shared/time';
import { WORKING_DAYS_QUERY } from './queries';

/** 截止日期: only the working days of the calendar supervision keeps (this year and next, where loaded). */
export function DueDatePicker({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string | undefined) => void }) {
  const year = dayjs().year();
  const a = useQuery(WORKING_DAYS_QUERY, { variables: { year } });
  const b = useQuery(WORKING_DAYS_QUERY, { variables: { year: year + 1 } });
  const working = new Set([...(a.data?.workingCalendar ?? []), ...(b.data?.workingCalendar ?? [])].filter((d) => d.working).map((d) => d.date));
  return (
    <DatePicker
      id={id}
      placeholder="截止日期（工作日）"
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : undefined)}
      disabledDate={(d) => !working.has(d.format('YYYY-MM-DD'))}
    />
  );
}
