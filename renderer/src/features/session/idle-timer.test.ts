import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleLockMs, startIdleTimer, type IdleClock } from './idle-timer';

const clock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const MINUTE = 60_000;

describe('idle timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-10T01:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('locks after the idle time, once', () => {
    const onIdle = vi.fn();
    startIdleTimer(15 * MINUTE, onIdle, clock);
    vi.advanceTimersByTime(15 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts from the last activity', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(15 * MINUTE, onIdle, clock);
    vi.advanceTimersByTime(10 * MINUTE);
    timer.activity();
    vi.advanceTimersByTime(14 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    timer.activity();
    vi.advanceTimersByTime(15 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks at once when the PC wakes from sleep past the deadline', () => {
    const onIdle = vi.fn();
    startIdleTimer(15 * MINUTE, onIdle, clock);
    // The clock jumps (sleep) without timers firing in between, then the pending timer runs.
    vi.setSystemTime(Date.now() + 2 * 60 * MINUTE);
    vi.advanceTimersByTime(15 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires once stopped, and refuses a lock time that is not positive', () => {
    const onIdle = vi.fn();
    const timer = startIdleTimer(MINUTE, onIdle, clock);
    timer.stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(() => startIdleTimer(0, onIdle, clock)).toThrow('自动锁定时间应为正数，收到 0');
  });

  it('uses 15 minutes when nobody says otherwise', () => {
    expect(idleLockMs(undefined)).toBe(15 * MINUTE);
    expect(idleLockMs(5)).toBe(5 * MINUTE);
  });
});
