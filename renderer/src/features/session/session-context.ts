import { createContext, useContext } from 'react';
import type { SyncAccount } from '../../sync';
import type { CurrentUser } from '../../store';
import type { ServerAccount } from './server-accounts';

interface SessionBase {
  /** Who records and history name (`id`) and how people read it. */
  readonly user: CurrentUser;
  /** Minutes without activity before the lock screen. */
  readonly idleLockMinutes: number;
  /** Back to the login screen: reloads, so nothing of this user stays in memory. */
  readonly switchUser: () => void;
}

/** A name on this PC, no server, no password (本机用户（不联网）). */
export interface LocalSession extends SessionBase {
  readonly kind: 'local';
}

/** A server account, signed in online or offline on this PC. */
export interface ServerSession extends SessionBase {
  readonly kind: 'server';
  readonly account: ServerAccount;
  /** What the sync engine needs; null when this PC holds no token (offline login after it was lost). */
  readonly syncAccount: SyncAccount | null;
  /** How this session was opened, and why offline when it was. */
  readonly signedInOffline: string | null;
  /** Asks the server again with the password (token expired or revoked); resolves when renewed. */
  readonly renewSignIn: (password: string) => Promise<void>;
  /** Revokes the token and goes back to the login screen. */
  readonly signOut: () => Promise<void>;
}

export type Session = LocalSession | ServerSession;

export const SessionContext = createContext<Session | null>(null);

/** The session, or null outside the gate (e.g. on the login screen itself). */
export function useSession(): Session | null {
  return useContext(SessionContext);
}
