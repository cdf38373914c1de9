import type { HostApi } from '@core/host';
import { sha256 } from 'hash-wasm';
import { z } from 'zod';

export type TokenHost = Pick<HostApi, 'readSecureToken' | 'writeSecureToken' | 'deleteSecureToken'>;

/** The bearer token of a signed-in server account, as kept by the host's secure token store. */
export interface AccountToken {
  readonly token: string;
  readonly expiresAt: number;
}

const accountTokenSchema = z.strictObject({ token: z.string().min(1), expiresAt: z.number() });

/**
 * The secure store's key for one account: a digest, because keys are limited to 64 characters of
 * `[a-z0-9._-]` and a server address or user name may not fit.
 */
export async function tokenKey(serverKey: string, username: string): Promise<string> {
  return `sync.${(await sha256(`${serverKey}\n${username}`)).slice(0, 40)}`;
}

export async function writeAccountToken(
  host: TokenHost,
  serverKey: string,
  username: string,
  token: AccountToken,
): Promise<void> {
  await host.writeSecureToken({ key: await tokenKey(serverKey, username), value: JSON.stringify(token) });
}

/** The stored token, or null when there is none or it is unreadable (the user signs in online again). */
export async function readAccountToken(
  host: TokenHost,
  serverKey: string,
  username: string,
): Promise<AccountToken | null> {
  const { value } = await host.readSecureToken({ key: await tokenKey(serverKey, username) });
  if (value === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  const checked = accountTokenSchema.safeParse(parsed);
  if (!checked.success) {
    console.warn(`本机保存的 ${username} 的登录凭据已损坏，需要重新在线登录`);
    return null;
  }
  return checked.data;
}

export async function deleteAccountToken(
  host: TokenHost,
  serverKey: string,
  username: string,
): Promise<void> {
  await host.deleteSecureToken({ key: await tokenKey(serverKey, username) });
}
