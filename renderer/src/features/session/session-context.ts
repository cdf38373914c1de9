import { createContext, useContext } from 'react';
import type { LocalUser } from './local-user-registry';

export interface Session {
  readonly user: LocalUser;
  /** Back to the chooser: forgets the remembered user and reloads, so nothing of this user stays in memory. */
  readonly switchUser: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The session, or null outside the gate (e.g. on the chooser itself). */
export function useSession(): Session | null {
  return useContext(SessionContext);
}
