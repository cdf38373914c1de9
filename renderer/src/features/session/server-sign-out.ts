import { API_PATHS, SCHEMA_VERSION_HEADER, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { deleteAccountToken, type AccountToken, type TokenHost } from './account-token';
import type { FetchLike } from './login-request';
import type { ServerAccount } from './server-accounts';

/**
 * Signing out forgets the token on this PC and asks the server to revoke it. The local token goes
 * whatever the server says; what the user is told when the server could not be reached: the token
 * then stays valid on the server until it expires.
 */
export async function signOutOfServer(
  account: ServerAccount,
  token: AccountToken | null,
  deps: { readonly fetch: FetchLike; readonly tokens: TokenHost },
): Promise<{ readonly revoked: boolean; readonly reason: string | null }> {
  await deleteAccountToken(deps.tokens, account.serverKey, account.username);
  if (token === null) return { revoked: false, reason: '本机没有该账号的登录凭据' };
  try {
    const response = await deps.fetch(`${account.baseUrl}${API_PATHS.logout}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token.token}`,
        [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
      },
      signal: AbortSignal.timeout(5_000),
    });
    // 401: the token was already expired or revoked, which is what signing out wants.
    if (response.status === 204 || response.status === 401) return { revoked: true, reason: null };
    return { revoked: false, reason: `服务器应答 HTTP ${response.status}` };
  } catch (error) {
    return { revoked: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
