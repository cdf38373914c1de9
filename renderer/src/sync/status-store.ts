import { create } from 'zustand';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';

/** The sync status of this window (one SyncProvider per window). */
export const useSyncStatusStore = create<SyncStatus>(() => INITIAL_SYNC_STATUS);

export function updateSyncStatus(patch: Partial<SyncStatus>): void {
  useSyncStatusStore.setState(patch);
}

export function resetSyncStatus(): void {
  useSyncStatusStore.setState(INITIAL_SYNC_STATUS, true);
}
