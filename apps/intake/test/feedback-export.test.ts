import { describe, expect, it } from 'vitest';
import { beijingTime } from '../src/feedback/export-feedback';

describe('办结反馈 export times', () => {
  it('are Beijing time (UTC+8), across the date line of UTC', () => {
    expect(beijingTime('2026-11-25T13:07:11.441Z')).toBe('2026-11-25 21:07:11');
    expect(beijingTime('2026-11-25T18:30:00Z')).toBe('2026-11-26 02:30:00');
    expect(beijingTime(new Date('2026-06-30T16:00:00Z'))).toBe('2026-07-01 00:00:00');
  });
});
