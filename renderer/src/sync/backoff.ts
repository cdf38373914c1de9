/** docs/sync-protocol.md §12: the first retry waits up to 2 s, each failure doubles it, at most 5 min. */
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * Exponential backoff with full jitter: random(0, min(max, base × 2^attempt)). The jitter spreads the
 * retries of many PCs that lost the server at the same moment, so they do not all return at once.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
