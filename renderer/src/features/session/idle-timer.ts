/** Minutes of inactivity before the app locks, when the server does not say (local users, 等保 default). */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

export interface IdleClock {
  readonly now: () => number;
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
}

export interface IdleTimer {
  /** The user did something: the idle period starts again. Cheap: called on every mouse move. */
  activity(): void;
  /** Stops watching (unmount, or while locked). */
  stop(): void;
}

/**
 * Calls `onIdle` once after `timeoutMs` without activity. Activity only stamps the time; the one
 * timer, when it fires, checks the stamp and sleeps again for what remains. A PC that slept past the
 * deadline locks as soon as it wakes, since the check reads the clock rather than counting ticks.
 */
export function startIdleTimer(timeoutMs: number, onIdle: () => void, clock: IdleClock): IdleTimer {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError(`自动锁定时间应为正数，收到 ${timeoutMs}`);
  }
  let lastActivity = clock.now();
  let handle: unknown = null;
  let stopped = false;

  const check = () => {
    handle = null;
    if (stopped) return;
    const idleFor = clock.now() - lastActivity;
    if (idleFor >= timeoutMs) {
      stopped = true;
      onIdle();
      return;
    }
    handle = clock.setTimeout(check, timeoutMs - idleFor);
  };
  handle = clock.setTimeout(check, timeoutMs);

  return {
    activity() {
      if (!stopped) lastActivity = clock.now();
    },
    stop() {
      stopped = true;
      if (handle !== null) clock.clearTimeout(handle);
      handle = null;
    },
  };
}

/** The lock time a session uses: the server's for an account, the default for a local user. */
export function idleLockMs(minutes: number | undefined): number {
  return (minutes ?? DEFAULT_IDLE_LOCK_MINUTES) * 60_000;
}
