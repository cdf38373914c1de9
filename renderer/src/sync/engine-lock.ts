/** What `runWhileLocked` needs of `navigator.locks` (a fake in the tests). */
export interface NamedLocks {
  request(name: string, options: { signal: AbortSignal }, callback: () => Promise<void>): Promise<unknown>;
}

/**
 * Runs `start` while this window holds the named Web Lock, and the function `start` returns when it
 * lets go; the returned function lets go (or stops waiting). `onFailure` hears why the lock could not
 * be had. Without Web Locks (an old browser) `start` runs at once.
 *
 * A lock can be granted after the caller let go (the grant was on its way when the abort came): the
 * signal is then already aborted, so its `abort` event will never fire, and a holder waiting for it
 * would keep the lock, and every later engine out, until the window closes. Such a grant is released
 * at once, without starting anything.
 */
export function runWhileLocked(
  name: string,
  start: () => () => void,
  onFailure: (error: unknown) => void,
  locks: NamedLocks | undefined = browserLocks(),
): () => void {
  if (locks === undefined) return start();
  const controller = new AbortController();
  const { signal } = controller;
  locks
    .request(name, { signal }, async () => {
      if (signal.aborted) return;
      const stop = start();
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      stop();
    })
    .catch((error: unknown) => {
      if (!signal.aborted) onFailure(error);
    });
  return () => controller.abort();
}

function browserLocks(): NamedLocks | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.locks as LockManager | undefined);
}
