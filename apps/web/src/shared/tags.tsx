import { Tag } from 'antd';
import { label, REQUEST_TYPE_LABELS, STAGE_LABELS, URGENCY_LABELS } from './labels';

export function UrgencyTag({ urgency }: { urgency: string }) {
  const color = urgency === 'normal' ? 'default' : urgency === 'timely' ? 'orange' : 'red';
  return <Tag color={color}>{label(URGENCY_LABELS, urgency)}</Tag>;
}

const STAGE_COLORS: Record<string, string> = {
  received: 'gold',
  signed: 'blue',
  dispatched: 'geekblue',
  accepted: 'purple',
  replied: 'green',
  completed: 'default',
};

export function StageTag({ stage }: { stage: string }) {
  return (
    <Tag color={STAGE_COLORS[stage] ?? 'default'} data-testid="stage-tag" data-stage={stage}>
      {label(STAGE_LABELS, stage)}
    </Tag>
  );
}

export function RequestTypeText({ value }: { value: string }) {
  return <>{label(REQUEST_TYPE_LABELS, value)}</>;
}
