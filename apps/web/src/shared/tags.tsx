import { Tag } from 'antd';
import { label, REQUEST_TYPE_LABELS, STAGE_LABELS, URGENCY_LABELS } from './labels';
import type { CaseStage } from './types';

export function UrgencyTag({ urgency }: { urgency: string }) {
  const color = urgency === 'normal' ? 'default' : urgency === 'timely' ? 'orange' : 'red';
  return <Tag color={color}>{label(URGENCY_LABELS, urgency)}</Tag>;
}

/** A colour for every stage of the lifecycle (CASE_STAGES): 二次督办 stands out, the closed ones recede. */
const STAGE_COLORS: Record<CaseStage, string> = {
  received: 'gold',
  signed: 'blue',
  dispatched: 'geekblue',
  accepted: 'purple',
  replied: 'green',
  completed: 'default',
  awaitingCallback: 'cyan',
  calledBack: 'cyan',
  reopened: 'red',
  closed: 'default',
};

export function StageTag({ stage }: { stage: string }) {
  return (
    <Tag color={STAGE_COLORS[stage as CaseStage] ?? 'default'} data-testid="stage-tag" data-stage={stage}>
      {label(STAGE_LABELS, stage)}
    </Tag>
  );
}

export function RequestTypeText({ value }: { value: string }) {
  return <>{label(REQUEST_TYPE_LABELS, value)}</>;
}
