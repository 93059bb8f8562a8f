import { Tag } from 'antd';
import { label } from '../../../shared/labels';

export const FEEDBACK_STATE_LABELS: Record<string, string> = {
  pending: '待反馈',
  delivered: '已反馈',
  failed: '反馈失败',
  exported: '已导出待上传',
};

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
