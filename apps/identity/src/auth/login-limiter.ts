/**
 * Counts failed logins per key (username + address) in a sliding window; past the limit the key
 * is refused until the window moves on. In-memory: one identity replica, or a sticky gateway.
 */
export class LoginLimiter {
  private failures = new Map<string, number[]>();
  /**
   * `maxKeys` bounds memory whatever callers send: past it, expired keys are swept, and if the
   * map is still full the oldest keys go first (an attacker cycling keys loses its own counts,
   * never anyone's login).
   */
  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until the key may try again, or 0. */
  blockedFor(key: string, now = Date.now()): number {
    const list = this.recent(key, now);
    if (list.length < this.maxFailures) return 0;
    return Math.ceil((list[0] + this.windowMs - now) / 1000);
  }

  fail(key: string, now = Date.now()): void {
    const list = [...this.recent(key, now), now];
    this.failures.delete(key); // re-inserted last: the map stays ordered oldest first
    this.failures.set(key, list.slice(-this.maxFailures));
    if (this.failures.size > this.maxKeys) this.sweep(now);
  }

  get size(): number {
    return this.failures.size;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.failures) if (now - times[times.length - 1] >= this.windowMs) this.failures.delete(key);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxKeys) break;
      this.failures.delete(key);
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

export interface LoginPolicyOptions {
  /** Failures of one user from one address before that address is locked for the user (hard lock). */
  maxFailuresPerClient: number;
  /** Failures from one address, any users, before the address is locked (password spraying). */
  maxFailuresPerAddress: number;
  /** Window of the hard locks. */
  windowMs: number;
  /** Failures of one user, from anywhere, after which each further try waits: 1 s, 2 s, 4 s, … */
  userDelayAfter: number;
  /** Longest wait the per-user delay imposes. */
  maxUserDelayMs: number;
  /** How long a user's failures count towards the delay. */
  userWindowMs: number;
  /** How long an address the user signed in from stays known (exempt from the per-user delay). */
  knownClientMs: number;
}

export const DEFAULT_LOGIN_POLICY: LoginPolicyOptions = {
  maxFailuresPerClient: 5,
  maxFailuresPerAddress: 50,
  windowMs: 300_000,
  userDelayAfter: 5,
  maxUserDelayMs: 300_000,
  userWindowMs: 3_600_000,
  knownClientMs: 30 * 86_400_000,
};

/**
 * Login limits that cannot be outlasted (issue 17). Three counts, each in memory:
 * - per user and address: a hard lock after `maxFailuresPerClient` — the guesser's own address;
 * - per address: a hard lock after `maxFailuresPerAddress`, whatever users it tries;
 * - per user, from every address: after `userDelayAfter` failures each further try waits twice as
 *   long as the last (to `maxUserDelayMs`), so changing addresses (or spoofing them) buys nothing —
 *   but it is a delay, never a lock, and an address the user has signed in from before is exempt,
 *   so one address cannot lock a user out for everyone.
 * A try refused by a limit is not a failure: it checks no password and does not lengthen anything.
 */
export class LoginPolicy {
  private readonly perClient: LoginLimiter;
  private readonly perAddress: LoginLimiter;
  private readonly userFailures = new Map<string, number[]>();
  private readonly known = new Map<string, Map<string, number>>();

  constructor(
    private readonly o: LoginPolicyOptions = DEFAULT_LOGIN_POLICY,
    private readonly maxKeys = 50_000,
  ) {
    this.perClient = new LoginLimiter(o.maxFailuresPerClient, o.windowMs, maxKeys);
    this.perAddress = new LoginLimiter(o.maxFailuresPerAddress, o.windowMs, maxKeys);
  }

  private failuresOf(user: string, now: number): number[] {
    const list = (this.userFailures.get(user) ?? []).filter((t) => now - t < this.o.userWindowMs);
    if (list.length) this.userFailures.set(user, list);
    else this.userFailures.delete(user);
    return list;
  }

  private isKnown(user: string, address: string, now: number): boolean {
    const at = this.known.get(user)?.get(address);
    return at !== undefined && now - at < this.o.knownClientMs;
  }

  /** Seconds this user must wait before trying from this address, or 0; and which limit says so. */
  check(user: string, address: string, now = Date.now()): { wait: number; limit?: 'client' | 'address' | 'user' } {
    const client = this.perClient.blockedFor(`${user}|${address}`, now);
    if (client > 0) return { wait: client, limit: 'client' };
    const addr = this.perAddress.blockedFor(address, now);
    if (addr > 0) return { wait: addr, limit: 'address' };
    if (this.isKnown(user, address, now)) return { wait: 0 };
    const list = this.failuresOf(user, now);
    const over = list.length - this.o.userDelayAfter;
    if (over < 0) return { wait: 0 };
    const delay = Math.min(this.o.maxUserDelayMs, 1000 * 2 ** over);
    const wait = list[list.length - 1] + delay - now;
    return wait > 0 ? { wait: Math.ceil(wait / 1000), limit: 'user' } : { wait: 0 };
  }

  fail(user: string, address: string, now = Date.now()): void {
    this.perClient.fail(`${user}|${address}`, now);
    this.perAddress.fail(address, now);
    const list = [...this.failuresOf(user, now), now].slice(-64);
    this.userFailures.delete(user);
    this.userFailures.set(user, list);
    if (this.userFailures.size > this.maxKeys) {
      for (const key of this.userFailures.keys()) {
        if (this.userFailures.size <= this.maxKeys) break;
        this.userFailures.delete(key);
      }
    }
  }

  /** A good login: this client's own failures are forgotten and the address becomes known for the user. */
  succeed(user: string, address: string, now = Date.now()): void {
    this.perClient.succeed(`${user}|${address}`);
    const mine = this.known.get(user) ?? new Map<string, number>();
    mine.set(address, now);
    if (mine.size > 20) mine.delete(mine.keys().next().value as string); // the oldest address goes
    this.known.delete(user);
    this.known.set(user, mine);
    if (this.known.size > this.maxKeys) this.known.delete(this.known.keys().next().value as string);
  }
}
