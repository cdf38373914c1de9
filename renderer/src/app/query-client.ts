import { QueryClient } from '@tanstack/react-query';

/**
 * Local data (the bundled contract profile, the Dexie store) does not go stale behind our back and a
 * parse error does not heal on retry, so queries neither refetch nor retry by default; the sync engine
 * invalidates what it changes. Queries and mutations run whatever the network: react-query's default
 * (`online`) pauses them while the browser reports no network, which would hang every local save on
 * a PC whose cable is out — the very case the local store exists for.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, networkMode: 'always' },
      mutations: { networkMode: 'always' },
    },
  });
}
