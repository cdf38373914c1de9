import type { SessionUser } from '@core/sync/protocol';
import { Dexie, type Table } from 'dexie';
import { toStoreError } from '../../store';
import type { OfflineVerifier } from './offline-verifier';

/**
 * A server account that signed in online on this PC at least once: enough to sign in offline and to
 * lock the app, nothing more. Records live in the account's own database; the token in the host's
 * secure store; the password nowhere.
 */
export interface ServerAccount {
  /** `<serverKey> <username>`: one row per account per server. */
  readonly key: string;
  readonly serverKey: string;
  readonly baseUrl: string;
  readonly username: string;
  /** Role and scope as the server last said. */
  readonly user: SessionUser;
  readonly verifier: OfflineVerifier;
  readonly idleLockMinutes: number;
  readonly lastOnlineLoginAt: number;
}

/** Beside `yunwei-profiles` (local users): names and verifiers only, never records. */
export const ACCOUNTS_DATABASE_NAME = 'yunwei-accounts';

export class ServerAccountRegistry extends Dexie {
  declare readonly accounts: Table<ServerAccount, string>;

  constructor(name: string = ACCOUNTS_DATABASE_NAME) {
    super(name, { cache: 'disabled' });
    this.version(1).stores({ accounts: 'key, lastOnlineLoginAt' });
  }
}

export function accountKey(serverKey: string, username: string): string {
  return `${serverKey} ${username}`;
}

export async function findServerAccount(
  registry: ServerAccountRegistry,
  serverKey: string,
  username: string,
): Promise<ServerAccount | undefined> {
  try {
    return await registry.accounts.get(accountKey(serverKey, username));
  } catch (error) {
    throw toStoreError(error, '读取本机保存的账号');
  }
}

/** Accounts of this PC, most recently signed in first. */
export async function listServerAccounts(registry: ServerAccountRegistry): Promise<ServerAccount[]> {
  try {
    return await registry.accounts.orderBy('lastOnlineLoginAt').reverse().toArray();
  } catch (error) {
    throw toStoreError(error, '读取本机保存的账号');
  }
}

/** After an online login: the new verifier replaces the old one (a password reset changed the salt). */
export async function saveServerAccount(
  registry: ServerAccountRegistry,
  account: ServerAccount,
): Promise<void> {
  try {
    await registry.accounts.put(account);
  } catch (error) {
    throw toStoreError(error, '保存本机账号');
  }
}
