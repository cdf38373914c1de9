/**
 * Login attempts per (client address, login name) in a sliding window, kept in this process: enough
 * for one server (several servers behind a balancer would each count on their own; see
 * docs/sync-protocol.md §14). It slows password guessing down before the account lockout starts.
 */
export class LoginRateLimiter {
  private readonly attempts = new Map<string, number[]>();
  /** Keys refused since their last admitted attempt, so a burst is audited once. */
  private readonly refused = new Set<string>();
  private lastSweep = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Counts an attempt. Returns 0 when it may go ahead, otherwise the milliseconds until it may;
   * `firstRefusal` is true for the first refused attempt of a burst (worth one audit row).
   */
  attempt(ip: string, loginName: string, now: number): { retryAfterMs: number; firstRefusal: boolean } {
    this.sweep(now);
    const key = `${ip}\u0000${loginName}`;
    const recent = (this.attempts.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.max) {
      this.attempts.set(key, recent);
      const oldest = recent[recent.length - this.max] as number;
      const firstRefusal = !this.refused.has(key);
      this.refused.add(key);
      return { retryAfterMs: oldest + this.windowMs - now, firstRefusal };
    }
    recent.push(now);
    this.attempts.set(key, recent);
    this.refused.delete(key);
    return { retryAfterMs: 0, firstRefusal: false };
  }

  /** Forgets keys idle for a whole window, at most once per window, so the map stays small. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.attempts) {
      if ((times.at(-1) ?? 0) <= now - this.windowMs) {
        this.attempts.delete(key);
        this.refused.delete(key);
      }
    }
  }
}
