import { describe, expect, it } from 'vitest';
import { LoginLimiter, LoginPolicy } from '../src/auth/login-limiter';

describe('LoginLimiter', () => {
  it('blocks a key after N failures within the window and frees it when the window moves on', () => {
    const l = new LoginLimiter(3, 60_000);
    const t = 1_000_000;
    l.fail('a', t);
    l.fail('a', t + 1);
    expect(l.blockedFor('a', t + 2)).toBe(0);
    l.fail('a', t + 3);
    expect(l.blockedFor('a', t + 4)).toBe(60);
    expect(l.blockedFor('b', t + 4)).toBe(0);
    expect(l.blockedFor('a', t + 60_001)).toBe(0);
  });
  it('a success clears the failures', () => {
    const l = new LoginLimiter(2, 60_000);
    l.fail('a', 1);
    l.succeed('a');
    l.fail('a', 2);
    expect(l.blockedFor('a', 3)).toBe(0);
  });
  it('keeps its memory bounded whatever keys callers make up: expired keys are swept, then the oldest', () => {
    const l = new LoginLimiter(3, 60_000, 100);
    for (let i = 0; i < 1_000; i++) l.fail(`made-up-${i}`, 1_000 + i);
    expect(l.size).toBeLessThanOrEqual(100);
    // a real key failing now is still counted
    l.fail('duty|10.0.0.1', 5_000);
    l.fail('duty|10.0.0.1', 5_001);
    l.fail('duty|10.0.0.1', 5_002);
    expect(l.blockedFor('duty|10.0.0.1', 5_003)).toBeGreaterThan(0);
    // after the window everything made up is swept at the next overflow
    for (let i = 0; i < 101; i++) l.fail(`later-${i}`, 200_000 + i);
    expect(l.size).toBeLessThanOrEqual(100);
  });
});

describe('LoginPolicy: limits that cannot be outlasted', () => {
  const options = {
    maxFailuresPerClient: 5,
    maxFailuresPerAddress: 50,
    windowMs: 300_000,
    userDelayAfter: 5,
    maxUserDelayMs: 300_000,
    userWindowMs: 3_600_000,
    knownClientMs: 86_400_000,
  };
  const t = 10_000_000;

  it('locks the guessing address for the user after five failures', () => {
    const p = new LoginPolicy(options);
    for (let i = 0; i < 5; i++) p.fail('duty', '203.0.113.5', t + i);
    expect(p.check('duty', '203.0.113.5', t + 10)).toMatchObject({ limit: 'client' });
  });

  it('ten guesses from ten addresses are slowed per user: the sixth waits 1 s, then 2 s, 4 s …', () => {
    const p = new LoginPolicy(options);
    for (let i = 0; i < 5; i++) {
      expect(p.check('duty', `198.51.100.${i}`, t + i * 10).wait).toBe(0);
      p.fail('duty', `198.51.100.${i}`, t + i * 10);
    }
    expect(p.check('duty', '198.51.100.99', t + 50)).toEqual({ wait: 1, limit: 'user' });
    expect(p.check('duty', '198.51.100.99', t + 40 + 1000).wait).toBe(0);
    p.fail('duty', '198.51.100.6', t + 1100);
    expect(p.check('duty', '198.51.100.7', t + 1200)).toEqual({ wait: 2, limit: 'user' });
    for (let i = 0; i < 20; i++) p.fail('duty', `198.51.100.${20 + i}`, t + 5_000 + i);
    expect(p.check('duty', '198.51.100.99', t + 5_100).wait).toBe(300); // capped at five minutes
    // another user is untouched
    expect(p.check('leader', '198.51.100.99', t + 5_100).wait).toBe(0);
  });

  it('an address the user signed in from before is exempt from the per-user delay: one attacker cannot lock the user out', () => {
    const p = new LoginPolicy(options);
    p.succeed('duty', '10.1.1.1', t);
    for (let i = 0; i < 30; i++) p.fail('duty', `203.0.113.${i % 3}`, t + 1000 + i);
    expect(p.check('duty', '203.0.113.0', t + 2000).limit).toBe('client');
    expect(p.check('duty', '198.51.100.1', t + 2000).limit).toBe('user');
    expect(p.check('duty', '10.1.1.1', t + 2000)).toEqual({ wait: 0 });
  });

  it('an address spraying many users is locked for all of them', () => {
    const p = new LoginPolicy({ ...options, maxFailuresPerAddress: 10 });
    for (let i = 0; i < 10; i++) p.fail(`user${i}`, '203.0.113.9', t + i);
    expect(p.check('someone-else', '203.0.113.9', t + 20)).toMatchObject({ limit: 'address' });
  });
});
