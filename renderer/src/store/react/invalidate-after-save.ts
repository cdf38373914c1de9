import type { QueryClient } from '@tanstack/react-query';
import type { SavedMessage, StoreChangeMessage } from './store-broadcast';
import { RECORD_KINDS } from '../save/record-kinds';
import { CALENDAR_NOTICES_QUERY_KEY } from './use-sla-rules';

/** Every record type's cached lists (save/record-kinds.ts `queryKey`). */
function invalidateRecordLists(queryClient: QueryClient): Promise<void>[] {
  return Object.values(RECORD_KINDS).map((kind) =>
    queryClient.invalidateQueries({ queryKey: [kind.queryKey] }),
  );
}

/**
 * Every cached list of records, and the saved record's history. Every type's lists are refreshed
 * because records point at each other (a ticket opened from an inspection result, a duty log naming
 * the tickets of the day); only queries on screen refetch, so this is cheap.
 */
export function invalidateAfterSave(queryClient: QueryClient, saved: SavedMessage): Promise<void> {
  return Promise.all([
    ...invalidateRecordLists(queryClient),
    queryClient.invalidateQueries({ queryKey: ['history', saved.recordId] }),
  ]).then(() => undefined);
}

/**
 * The same after a sync applied pulled records: the lists once, and each changed record's history.
 */
export function invalidateAfterChange(queryClient: QueryClient, change: StoreChangeMessage): Promise<void> {
  if (change.recordType !== 'synced') return invalidateAfterSave(queryClient, change);
  return Promise.all([
    // A sync may have brought calendar notices (use-sla-rules.ts).
    queryClient.invalidateQueries({ queryKey: CALENDAR_NOTICES_QUERY_KEY }),
    ...invalidateRecordLists(queryClient),
    ...change.recordIds.map((recordId) => queryClient.invalidateQueries({ queryKey: ['history', recordId] })),
  ]).then(() => undefined);
}
