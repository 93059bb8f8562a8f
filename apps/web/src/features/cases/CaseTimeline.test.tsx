import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { CaseTimeline } from './CaseTimeline';

describe('<CaseTimeline>', () => {
  it('lists every event oldest first with who, role, department and why', () => {
    render(
      <CaseTimeline
        entries={[
          {
            id: '3',
            type: 'replied',
            label: '科室答复',
            occurredAt: '2025-03-01T10:00:00Z',
            actor: { id: 'u9', displayName: '物业承办人' },
            actorRole: 'handler',
            department: { id: 'd1', name: '物业管理科' },
            detail: '已协调物业修复',
          },
          { id: '1', type: 'hotline.case.received', label: '工单接收', occurredAt: '2025-03-01T08:00:00Z', actorRole: 'intake' },
          {
            id: '2',
            type: 'dispatched',
            label: '分转派单',
            occurredAt: '2025-03-01T08:10:00Z',
            actor: { id: 'u2', displayName: '值守员甲' },
            actorRole: 'duty',
            detail: '属物业类诉求',
          },
        ]}
      />,
    );
    const entries = screen.getAllByTestId('timeline-entry');
    expect(entries.map((e) => e.dataset.type)).toEqual(['hotline.case.received', 'dispatched', 'replied']);
    expect(entries[0].textContent).toContain('系统（受理）');
    expect(entries[1].textContent).toContain('值守员甲 · 值守员');
    expect(entries[1].textContent).toContain('属物业类诉求');
    expect(entries[2].textContent).toContain('物业管理科');
  });

  it('shows an empty state', () => {
    render(<CaseTimeline entries={[]} />);
    expect(screen.getByText('暂无办理记录')).toBeTruthy();
  });
});
