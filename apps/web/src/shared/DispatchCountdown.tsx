import { Tag } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { computeCountdown, type CountdownState } from './countdown';
import { useNow } from './useNow';

const COLORS: Record<CountdownState, string> = {
  normal: 'blue',
  warning: 'orange',
  overdue: 'red',
};

interface Props {
  dueAt: string | null | undefined;
  /** A fixed "now" (tests); when absent the countdown ticks every second. */
  now?: Date;
}

function CountdownTag({ dueAt, now }: { dueAt: string; now: Date }) {
  const c = computeCountdown(dueAt, now);
  return (
    <Tag
      color={COLORS[c.state]}
      icon={c.state === 'overdue' ? <ExclamationCircleOutlined /> : <ClockCircleOutlined />}
      data-testid="dispatch-countdown"
      data-state={c.state}
      style={{ fontVariantNumeric: 'tabular-nums' }}
    >
      {c.text}
    </Tag>
  );
}

function LiveCountdown({ dueAt }: { dueAt: string }) {
  const now = useNow(1000);
  return <CountdownTag dueAt={dueAt} now={now} />;
}

/** Live countdown to the dispatch limit: blue, amber under 10 minutes, red when over. */
export function DispatchCountdown({ dueAt, now }: Props) {
  if (!dueAt)
    return (
      <span data-testid="dispatch-countdown" data-state="none">
        —
      </span>
    );
  return now ? <CountdownTag dueAt={dueAt} now={now} /> : <LiveCountdown dueAt={dueAt} />;
}
