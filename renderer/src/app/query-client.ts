import { QueryClient } from '@tanstack/react-query';

/**
 * Local data (the bundled contract profile, later the Dexie store) does not go stale behind our back
 * and a parse error does not heal on retry, so queries neither refetch nor retry by default; the sync
 * client will invalidate what it changes.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false },
    },
  });
}
