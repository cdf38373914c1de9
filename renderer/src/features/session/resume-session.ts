import { readAccountToken, type AccountToken } from './account-token';
import { findLocalUser, type LocalUser } from './local-user-registry';
import { rememberedUserId } from './remembered-user';
import { activeAccount } from './remembered-sign-in';
import { findServerAccount, type ServerAccount } from './server-accounts';
import type { SessionServices } from './use-session-services';

export type ResumedSession =
  | { readonly kind: 'none' }
  | { readonly kind: 'local'; readonly user: LocalUser }
  | {
      readonly kind: 'server';
      readonly account: ServerAccount;
      readonly token: AccountToken | null;
      readonly signedInOffline: string | null;
    };

/**
 * Who was signed in before a reload: the server account of this window (sessionStorage), else the
 * remembered local user (localStorage, as before accounts existed). Anything missing means the login
 * screen: a registry row deleted, a token store emptied.
 */
export async function resumeSession(services: SessionServices): Promise<ResumedSession> {
  const active = activeAccount();
  if (active !== null) {
    const account = await findServerAccount(services.accounts, active.serverKey, active.username);
    if (account === undefined) return { kind: 'none' };
    const token = await readAccountToken(services.tokens, account.serverKey, account.username);
    return { kind: 'server', account, token, signedInOffline: null };
  }
  const localId = rememberedUserId();
  if (localId === null) return { kind: 'none' };
  const user = await findLocalUser(services.localUsers, localId);
  return user === undefined ? { kind: 'none' } : { kind: 'local', user };
}
