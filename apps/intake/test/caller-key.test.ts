import { describe, expect, it } from 'vitest';
import { callerKeyOf, normalizePhone } from '../src/key-persons/caller-key';

describe('来电人键 (caller key)', () => {
  it('is the same for one phone however it is written, and not the phone', () => {
    const k = callerKeyOf('13812345678');
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(callerKeyOf('+86 138-1234-5678')).toBe(k);
    expect(callerKeyOf('008613812345678')).toBe(k);
    expect(k).not.toContain('13812345678');
    expect(callerKeyOf('13812345679')).not.toBe(k);
  });

  it('has no key without a phone', () => {
    expect(callerKeyOf('')).toBeNull();
    expect(callerKeyOf(null)).toBeNull();
    expect(normalizePhone('010-6512 3456')).toBe('01065123456');
  });
});
