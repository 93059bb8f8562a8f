import { describe, expect, it, vi, afterEach } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { DispatchCountdown } from './DispatchCountdown';

const dueAt = '2025-03-01T08:30:00.000Z';

function tag() {
  return screen.getByTestId('dispatch-countdown');
}

describe('<DispatchCountdown> with a fixed now', () => {
  it('renders the normal state with the time left', () => {
    render(<DispatchCountdown dueAt={dueAt} now={new Date('2025-03-01T08:05:30.000Z')} />);
    expect(tag().dataset.state).toBe('normal');
    expect(tag().textContent).toContain('剩余 24:30');
    expect(tag().className).toContain('ant-tag-blue');
  });

  it('renders amber when less than 10 minutes are left', () => {
    render(<DispatchCountdown dueAt={dueAt} now={new Date('2025-03-01T08:25:00.000Z')} />);
    expect(tag().dataset.state).toBe('warning');
    expect(tag().textContent).toContain('剩余 05:00');
    expect(tag().className).toContain('ant-tag-orange');
  });

  it('renders red with the minutes over once the limit has passed', () => {
    render(<DispatchCountdown dueAt={dueAt} now={new Date('2025-03-01T08:37:00.000Z')} />);
    expect(tag().dataset.state).toBe('overdue');
    expect(tag().textContent).toContain('已超时 7 分钟');
    expect(tag().className).toContain('ant-tag-red');
  });

  it('renders a dash when there is no due time', () => {
    render(<DispatchCountdown dueAt={null} />);
    expect(tag().dataset.state).toBe('none');
    expect(tag().textContent).toBe('—');
  });
});

describe('<DispatchCountdown> live', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks from amber to red as time passes', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2025-03-01T08:29:58.000Z'));
    render(<DispatchCountdown dueAt={dueAt} />);
    expect(tag().dataset.state).toBe('warning');
    expect(tag().textContent).toContain('剩余 00:02');
    act(() => {
      vi.advanceTimersByTime(63_000);
    });
    expect(tag().dataset.state).toBe('overdue');
    expect(tag().textContent).toContain('已超时 2 分钟');
  });
});
