import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { SyncedRecord } from '../sync/apply-pull';
import { invalidateAfterChange } from './invalidate-after-save';
import { useStoreContext } from './store-context';

/**
 * After a sync changed records: refreshes this window's caches and tells the user's other windows,
 * as a local save does (use-save-record.ts).
 */
export function useAnnounceSynced(): (changed: readonly SyncedRecord[]) => void {
  const { broadcast } = useStoreContext();
  const queryClient = useQueryClient();
  return useCallback(
    (changed) => {
      if (changed.length === 0) return;
      const message = { recordType: 'synced' as const, recordIds: changed.map((record) => record.recordId) };
      broadcast.announce(message);
      void invalidateAfterChange(queryClient, message);
    },
    [broadcast, queryClient],
  );
}
