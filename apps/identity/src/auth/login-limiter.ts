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
  constructor(private readonly maxFailures: number, private readonly windowMs: number, private readonly maxKeys = 50_000) {}

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
