/** What the sync shows the user (the status bar, the sync page). */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'failing' | 'signed-out' | 'outdated';

export interface SyncStatus {
  readonly phase: SyncPhase;
  /** Outbox ops not yet accepted. */
  readonly pendingOps: number;
  /** Rejections waiting for the user. */
  readonly rejectedOps: number;
  /** Pulled records this PC could not show (listSyncProblems says why). */
  readonly syncProblems: number;
  /** Epoch ms of the last complete push + pull. */
  readonly lastSuccessAt: number | null;
  /** Why the last attempt failed, in Chinese, to show as is. */
  readonly lastError: { readonly message: string; readonly at: number } | null;
  /** When the backoff retries. */
  readonly nextAttemptAt: number | null;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  phase: 'idle',
  pendingOps: 0,
  rejectedOps: 0,
  syncProblems: 0,
  lastSuccessAt: null,
  lastError: null,
  nextAttemptAt: null,
};
