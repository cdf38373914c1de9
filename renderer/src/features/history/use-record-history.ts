import type { HistoryEntry } from '@core/sync';
import { useQuery } from '@tanstack/react-query';
import { useDatabase } from '../../store';

/**
 * A record's history rows, read through the `[recordId+at]` index. Keyed `['history', recordId]`: every
 * save of the record invalidates it.
 */
export function useRecordHistory(recordId: string) {
  const db = useDatabase();
  return useQuery({
    queryKey: ['history', recordId, db.name],
    queryFn: (): Promise<HistoryEntry[]> =>
      db.history.where('[recordId+at]').between([recordId, -Infinity], [recordId, Infinity]).toArray(),
  });
}
