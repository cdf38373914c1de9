import { createContext, useContext } from 'react';
import { useSyncStatusStore } from './status-store';
import type { SyncStatus } from './sync-status';

export interface SyncContextValue {
  readonly syncNow: () => void;
}

export const SyncContext = createContext<SyncContextValue | null>(null);

/** The sync status of the signed-in user (idle with no counts for a local, server-less user). */
export function useSyncStatus(): SyncStatus {
  return useSyncStatusStore();
}

/** “立即同步”: a round now, the backoff forgotten (in whichever window runs the engine). */
export function useSyncNow(): () => void {
  const value = useContext(SyncContext);
  if (value === null) throw new Error('useSyncNow 只能在 <SyncProvider> 内使用');
  return value.syncNow;
}
