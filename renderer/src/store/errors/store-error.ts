/**
 * Why a store operation failed, as the UI needs to react to it:
 * - `quota`: the disk (or the browser's share of it) is full; nothing of this save was written.
 * - `version`: this window runs an older schema than the database (a newer window upgraded it) or a
 *   newer window asked this one to close: reload the page.
 * - `conflict`: the record changed since the caller read it (another window or tab saved it).
 * - `invalid`: the record fails its core schema; the message names the fields.
 * - `unknown`: anything else IndexedDB reported (the message keeps IndexedDB's own reason).
 * An upgrade blocked by another window is not an error: the open waits, and the database raises a
 * `blocked` notice (database/store-notices.ts) for the UI to show meanwhile.
 */
export const STORE_ERROR_KINDS = ['quota', 'version', 'conflict', 'invalid', 'unknown'] as const;
export type StoreErrorKind = (typeof STORE_ERROR_KINDS)[number];

/** A failed store operation with a Chinese message the UI shows as is. Nothing already saved is lost. */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export function isStoreError(error: unknown): error is StoreError {
  return error instanceof StoreError;
}
