import { describe, expect, it, vi } from 'vitest';
import { runWhileLocked, type NamedLocks } from './engine-lock';

/**
 * One lock, granted when the test says so. Like the browser, a request whose signal aborts while it
 * waits is withdrawn and rejected; `grantEvenIfAborted` plays a grant already on its way when the
 * abort came.
 */
class ManualLocks implements NamedLocks {
  private waiting: { callback: () => Promise<void>; signal: AbortSignal; settle: () => void } | null = null;
  held: Promise<void> | null = null;

  request(_name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown> {
    return new Promise<void>((resolve, reject) => {
      const settle = () => resolve();
      options.signal.addEventListener('abort', () => {
        if (this.waiting?.callback !== callback) return;
        this.waiting = null;
        reject(new DOMException('The request was aborted.', 'AbortError'));
      });
      this.waiting = { callback, signal: options.signal, settle };
    });
  }

  grant(): void {
    const waiting = this.waiting;
    if (waiting === null) throw new Error('没有等待中的请求');
    this.waiting = null;
    this.held = waiting.callback().then(waiting.settle);
  }

  grantEvenIfAborted(callback: () => Promise<void>): void {
    this.held = callback();
  }

  pendingCallback(): () => Promise<void> {
    if (this.waiting === null) throw new Error('没有等待中的请求');
    return this.waiting.callback;
  }
}

describe('runWhileLocked', () => {
  it('starts once the lock is granted and lets it go when stopped', async () => {
    const locks = new ManualLocks();
    const stopEngine = vi.fn();
    const start = vi.fn(() => stopEngine);
    const stop = runWhileLocked('yunwei-sync:db', start, vi.fn(), locks);
    expect(start).not.toHaveBeenCalled();
    locks.grant();
    expect(start).toHaveBeenCalledTimes(1);
    stop();
    await locks.held;
    expect(stopEngine).toHaveBeenCalledTimes(1);
  });

  it('never starts when stopped while waiting, and reports nothing', async () => {
    const locks = new ManualLocks();
    const start = vi.fn(() => vi.fn());
    const onFailure = vi.fn();
    const stop = runWhileLocked('yunwei-sync:db', start, onFailure, locks);
    stop();
    await Promise.resolve();
    expect(start).not.toHaveBeenCalled();
    expect(onFailure).not.toHaveBeenCalled();
  });

  it('releases at once a lock granted after it was stopped, so the next engine gets it', async () => {
    const locks = new ManualLocks();
    const start = vi.fn(() => vi.fn());
    const stop = runWhileLocked('yunwei-sync:db', start, vi.fn(), locks);
    const callback = locks.pendingCallback();
    stop();
    locks.grantEvenIfAborted(callback);
    // Without the check the holder waits for an abort event that already fired: `held` never settles.
    await expect(locks.held).resolves.toBeUndefined();
    expect(start).not.toHaveBeenCalled();
  });

  it('reports why the lock could not be had', async () => {
    const failure = new Error('SecurityError');
    const locks: NamedLocks = { request: () => Promise.reject(failure) };
    const onFailure = vi.fn();
    runWhileLocked('yunwei-sync:db', () => vi.fn(), onFailure, locks);
    await vi.waitFor(() => expect(onFailure).toHaveBeenCalledWith(failure));
  });

  it('starts at once without Web Locks', () => {
    const stopEngine = vi.fn();
    const stop = runWhileLocked('yunwei-sync:db', () => stopEngine, vi.fn(), undefined);
    stop();
    expect(stopEngine).toHaveBeenCalledTimes(1);
  });
});
