import { describe, expect, it } from 'vitest';
import { LoginLimiter } from '../src/auth/login-limiter';

describe('LoginLimiter', () => {
  it('blocks a key after N failures within the window and frees it when the window moves on', () => {
    const l = new LoginLimiter(3, 60_000);
    const t = 1_000_000;
    l.fail('a', t); l.fail('a', t + 1); 
    expect(l.blockedFor('a', t + 2)).toBe(0);
    l.fail('a', t + 3);
    expect(l.blockedFor('a', t + 4)).toBe(60);
    expect(l.blockedFor('b', t + 4)).toBe(0);
    expect(l.blockedFor('a', t + 60_001)).toBe(0);
  });
  it('a success clears the failures', () => {
    const l = new LoginLimiter(2, 60_000);
    l.fail('a', 1); l.succeed('a'); l.fail('a', 2);
    expect(l.blockedFor('a', 3)).toBe(0);
  });
  it('keeps its memory bounded whatever keys callers make up: expired keys are swept, then the oldest', () => {
    const l = new LoginLimiter(3, 60_000, 100);
    for (let i = 0; i < 1_000; i++) l.fail(`made-up-${i}`, 1_000 + i);
    expect(l.size).toBeLessThanOrEqual(100);
    // a real key failing now is still counted
    l.fail('duty|10.0.0.1', 5_000); l.fail('duty|10.0.0.1', 5_001); l.fail('duty|10.0.0.1', 5_002);
    expect(l.blockedFor('duty|10.0.0.1', 5_003)).toBeGreaterThan(0);
    // after the window everything made up is swept at the next overflow
    for (let i = 0; i < 101; i++) l.fail(`later-${i}`, 200_000 + i);
    expect(l.size).toBeLessThanOrEqual(100);
  });
});
