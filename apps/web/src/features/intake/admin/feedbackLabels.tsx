import { Tag } from 'antd';
import { FEEDBACK_STATE_LABELS as CONTRACT_FEEDBACK_STATE_LABELS } from '@hotline/contracts/browser';
import { label } from '../../../shared/labels';

export const FEEDBACK_STATE_LABELS: Record<string, string> = CONTRACT_FEEDBACK_STATE_LABELS;

const COLORS: Record<string, string> = {
  pending: 'gold',
  delivered: 'green',
  failed: 'red',
  exported: 'blue',
};

export function FeedbackStateTag({ state }: { state: string }) {
  return (
    <Tag color={COLORS[state] ?? 'default'} data-testid="feedback-state" data-state={state}>
      {label(FEEDBACK_STATE_LABELS, state)}
    </Tag>
  );
}
