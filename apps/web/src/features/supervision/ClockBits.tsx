import { Progress, Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../shared/time';
import { CLOCK_OUTCOME_LABELS, CLOCK_STATE_LABELS, clockTone } from './labels';
import type { CaseClock } from './types';

const TONE_COLORS = { overdue: 'red', warned: 'orange', ok: 'blue', paused: 'default', done: 'green', blocked: 'purple' } as const;

/** The state of a clock as a coloured tag (超期 / 预警 / 计时中 / 已暂停 / 按时完成 …). */
export function ClockStateTag({ c }: { c: CaseClock }) {
  const tone = clockTone(c);
  const text =
    c.state === 'stopped'
      ? (CLOCK_OUTCOME_LABELS[c.outcome ?? ''] ?? '已停止')
      : tone === 'overdue'
        ? '已超期'
        : tone === 'warned'
          ? '即将超期'
          : tone === 'blocked'
            ? '日历未导入'
            : (CLOCK_STATE_LABELS[c.state] ?? c.state);
  return (
    <Tag color={TONE_COLORS[tone]} data-testid={`clock-state-${c.kind}`}>
      {text}
    </Tag>
  );
}

/** Share of the limit used, as a bar (red past 100 %). */
export function ClockShare({ c }: { c: CaseClock }) {
  if (c.shareUsed == null) return <span>—</span>;
  const pct = Math.round(c.shareUsed * 100);
  const tone = clockTone(c);
  return (
    <Tooltip
      title={`已用 ${pct}%${c.warnedAt ? `，最近预警 ${formatDateTime(c.warnedAt)}` : ''}${c.breachedAt ? `，超期于 ${formatDateTime(c.breachedAt)}` : ''}`}
    >
      <Progress
        percent={Math.min(100, pct)}
        format={() => `${pct}%`}
        size="small"
        status={tone === 'overdue' ? 'exception' : tone === 'done' ? 'success' : 'normal'}
        strokeColor={tone === 'warned' ? '#fa8c16' : undefined}
        style={{ minWidth: 110, margin: 0 }}
      />
    </Tooltip>
  );
}
