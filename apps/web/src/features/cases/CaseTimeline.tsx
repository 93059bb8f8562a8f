import { Empty, Timeline, Typography } from 'antd';
import { actorRoleLabel } from '../../shared/labels';
import { formatDateTimeSeconds } from '../../shared/time';
import type { TimelineEntry } from '../../shared/types';

function colorOf(type: string): string {
  const t = type.toLowerCase();
  if (t.includes('overdue') || t.includes('return') || t.includes('reject')) return 'red';
  if (t.includes('repl') || t.includes('complet') || t.includes('solved')) return 'green';
  if (t.includes('dispatch') || t.includes('assign')) return 'blue';
  if (t.includes('sign')) return 'cyan';
  return 'gray';
}

/** Sorts entries oldest first (stable for equal timestamps). */
export function sortTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((e, i) => ({ e, i, t: new Date(e.occurredAt).getTime() }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ e }) => e);
}

/** Every event of a case in order: what, when, who (and role, department), why. */
export function CaseTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  if (entries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无办理记录" />;
  return (
    <Timeline
      data-testid="case-timeline"
      items={sortTimeline(entries).map((e) => {
        const who = [e.actor?.displayName, actorRoleLabel(e.actorRole)].filter(Boolean).join(' · ');
        return {
          key: e.id,
          color: colorOf(e.type),
          children: (
            <div data-testid="timeline-entry" data-type={e.type}>
              <Typography.Text strong>{e.label}</Typography.Text>
              <div className="timeline-meta">
                {formatDateTimeSeconds(e.occurredAt)}
                {who && ` ｜ ${who}`}
                {e.department?.name && ` ｜ ${e.department.name}`}
              </div>
              {e.detail && <div className="timeline-detail">{e.detail}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
