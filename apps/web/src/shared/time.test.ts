import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeSeconds, formatShortDateTime } from './time';

describe('time formatting', () => {
  it('shows times in Asia/Shanghai whatever the browser zone', () => {
    expect(formatDateTime('2025-03-01T16:30:00Z')).toBe('2025-03-02 00:30');
    expect(formatDateTimeSeconds('2025-03-01T01:02:03Z')).toBe('2025-03-01 09:02:03');
  });

  it('drops the year for this year in table cells', () => {
    expect(formatShortDateTime('2025-03-01T01:02:03Z', new Date('2025-06-01T00:00:00Z'))).toBe('03-01 09:02');
    expect(formatShortDateTime('2024-12-31T20:00:00Z', new Date('2025-06-01T00:00:00Z'))).toBe('01-01 04:00');
    expect(formatShortDateTime('2023-03-01T01:02:03Z', new Date('2025-06-01T00:00:00Z'))).toBe('2023-03-01 09:02');
  });

  it('shows a dash for missing values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatShortDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});
