import type { RecordType } from '@core/records';
import { useQuery } from '@tanstack/react-query';
import { fetchServerHistory, useSyncStatus } from '../../sync';
import { useSession } from '../session';

/**
 * The server's history of the record when this is a server account and the server is reachable;
 * `enabled: false` (local history only) for a local user, offline, or without a token. Keyed under
 * `['history', recordId]`, so a save or an applied pull of the record fetches it again.
 */
export function useServerHistory(recordType: RecordType, recordId: string) {
  const session = useSession();
  const { phase } = useSyncStatus();
  const account = session?.kind === 'server' ? session.syncAccount : null;
  const reachable = phase !== 'offline' && phase !== 'signed-out' && phase !== 'outdated';
  const query = useQuery({
    queryKey: ['history', recordId, 'server', account?.baseUrl ?? null, account?.user.name ?? null],
    queryFn: () => {
      if (account === null) throw new Error('没有服务器账号，无法读取服务器上的历史');
      return fetchServerHistory(account, recordType, recordId);
    },
    enabled: account !== null && reachable,
    retry: false,
  });
  return { query, available: account !== null && reachable };
}
