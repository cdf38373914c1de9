import { useQuery } from '@tanstack/react-query';
import { listRejectedChanges, useDatabase } from '../../store';
import { useSyncStatus } from '../../sync';

export const REJECTIONS_KEY = 'syncRejections';

/** The rejected changes waiting for the user; read again whenever the engine's count changes. */
export function useRejectedChanges() {
  const db = useDatabase();
  const { rejectedOps } = useSyncStatus();
  return useQuery({
    queryKey: [REJECTIONS_KEY, db.name, rejectedOps],
    queryFn: () => listRejectedChanges(db),
  });
}
