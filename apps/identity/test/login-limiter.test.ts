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
});
