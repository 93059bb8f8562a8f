import { Space, Tag } from 'antd';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { describeDeadline, DUE_SOON_MS } from './inboxFilters';

/** The handling deadline with how much time is left, coloured by urgency. */
export function DeadlineCell({ deadline, now, open }: { deadline: number | null; now: number; open: boolean }) {
  if (deadline === null) return <>—</>;
  const diff = deadline - now;
  const color = diff < 0 ? 'red' : diff < DUE_SOON_MS ? 'orange' : 'default';
  return (
    <Space direction="vertical" size={0}>
      <DateTimeCell value={new Date(deadline).toISOString()} />
      {open && (
        <Tag color={color} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }} data-testid="deadline-tag">
          {describeDeadline(deadline, now)}
        </Tag>
      )}
    </Space>
  );
}
