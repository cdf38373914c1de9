import { createContext, useContext } from 'react';
import type { YunweiDatabase } from '../database/yunwei-database';
import type { StoreBroadcast } from './store-broadcast';

/** The signed-in local user: `id` is what records and history store, `displayName` what people read. */
export interface CurrentUser {
  readonly id: string;
  readonly displayName: string;
}

export interface StoreContextValue {
  readonly db: YunweiDatabase;
  readonly user: CurrentUser;
  readonly broadcast: StoreBroadcast;
}

export const StoreContext = createContext<StoreContextValue | null>(null);

export function useStoreContext(): StoreContextValue {
  const value = useContext(StoreContext);
  if (value === null)
    throw new Error('useDatabase/useCurrentUser/useSaveRecord 只能在 <StoreProvider> 内使用');
  return value;
}

export function useDatabase(): YunweiDatabase {
  return useStoreContext().db;
}

export function useCurrentUser(): CurrentUser {
  return useStoreContext().user;
}
