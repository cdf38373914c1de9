import { loginNameSchema } from '@core/auth/login-name';
import { readAccountToken, writeAccountToken, type AccountToken, type TokenHost } from './account-token';
import { LoginFailure } from './login-failure';
import { requestLogin, type FetchLike } from './login-request';
import { checkOfflineVerifier, deriveOfflineVerifier } from './offline-verifier';
import { checkPlainHttpAllowed } from './plain-http';
import type { ServerAddress } from './server-address';
import {
  accountKey,
  findServerAccount,
  saveServerAccount,
  type ServerAccount,
  type ServerAccountRegistry,
} from './server-accounts';

export interface SignInDeps {
  readonly fetch: FetchLike;
  readonly accounts: ServerAccountRegistry;
  readonly tokens: TokenHost;
  readonly now: () => number;
}

export interface ServerSignIn {
  readonly account: ServerAccount;
  /** Null after an offline login on a PC whose token was lost: sync waits for an online login. */
  readonly token: AccountToken | null;
  readonly mode: 'online' | 'offline';
  /** Offline only: why the server could not be asked. */
  readonly offlineReason: string | null;
}

/** Login names are lower case; people type them however they like. */
export function normalizeUsername(typed: string): string {
  return typed.trim().toLowerCase();
}

/** The user name as the server will read it, or the reason it is not one. */
export function checkUsername(typed: string): { ok: true; username: string } | { ok: false; reason: string } {
  const username = normalizeUsername(typed);
  if (username === '') return { ok: false, reason: '请填写用户名' };
  const parsed = loginNameSchema.safeParse(username);
  return parsed.success
    ? { ok: true, username }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? '用户名无效' };
}

/**
 * Signs in to a server account: online when the server answers (then this PC's verifier, account row
 * and token are renewed), offline against the verifier when it does not. A refusal by the server is
 * final: it never falls back to the offline verifier, so a disabled or locked account stays out.
 */
export async function signInToServer(
  input: { readonly address: ServerAddress; readonly username: string; readonly password: string },
  deps: SignInDeps,
): Promise<ServerSignIn> {
  const { address, password } = input;
  const checked = checkUsername(input.username);
  if (!checked.ok) throw new LoginFailure('rejected', checked.reason);
  const { username } = checked;
  if (password === '') throw new LoginFailure('rejected', '请输入密码');

  try {
    return await signInOnline(address, username, password, deps);
  } catch (error) {
    if (!(error instanceof LoginFailure) || error.kind !== 'unreachable') throw error;
    return signInOffline(address, username, password, deps, error.message);
  }
}

async function signInOnline(
  address: ServerAddress,
  username: string,
  password: string,
  deps: SignInDeps,
): Promise<ServerSignIn> {
  await checkPlainHttpAllowed(address.baseUrl, deps.fetch);
  const response = await requestLogin(address.baseUrl, { username, password }, deps.fetch);
  const account: ServerAccount = {
    key: accountKey(address.serverKey, response.user.name),
    serverKey: address.serverKey,
    baseUrl: address.baseUrl,
    username: response.user.name,
    user: response.user,
    verifier: await deriveOfflineVerifier(password, response.offlineVerifier),
    idleLockMinutes: response.idleLockMinutes,
    lastOnlineLoginAt: deps.now(),
  };
  const token: AccountToken = { token: response.token, expiresAt: response.expiresAt };
  await saveServerAccount(deps.accounts, account);
  await writeAccountToken(deps.tokens, address.serverKey, account.username, token);
  return { account, token, mode: 'online', offlineReason: null };
}

async function signInOffline(
  address: ServerAddress,
  username: string,
  password: string,
  deps: SignInDeps,
  unreachable: string,
): Promise<ServerSignIn> {
  const account = await findServerAccount(deps.accounts, address.serverKey, username);
  if (account === undefined) {
    throw new LoginFailure(
      'never_online',
      `${unreachable}。本机从未在线登录过账号 ${username}，无法离线登录：请在能连上服务器时先登录一次，或使用“本机用户（不联网）”。`,
    );
  }
  if (!(await checkOfflineVerifier(password, account.verifier))) {
    throw new LoginFailure(
      'invalid_credentials',
      '密码错误（服务器暂时连不上，已用本机保存的验证信息离线核对）',
    );
  }
  const token = await readAccountToken(deps.tokens, address.serverKey, username);
  return { account, token, mode: 'offline', offlineReason: unreachable };
}

/** The lock screen's check: the password of the signed-in account, verified on this PC only. */
export async function verifyAccountPassword(account: ServerAccount, password: string): Promise<boolean> {
  return checkOfflineVerifier(password, account.verifier);
}
