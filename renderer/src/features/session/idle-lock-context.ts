import { createContext, useContext } from 'react';

/** Locks the app at once (the user leaves the PC), as the idle timer would. Null outside the lock. */
export const LockNowContext = createContext<(() => void) | null>(null);

export function useLockNow(): (() => void) | null {
  return useContext(LockNowContext);
}
