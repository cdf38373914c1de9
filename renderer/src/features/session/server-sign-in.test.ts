import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebHost } from '../../host/web-host';
import { readAccountToken, tokenKey } from './account-token';
import { LoginFailure } from './login-failure';
import type { FetchLike } from './login-request';
import { parseServerAddress, type ServerAddress } from './server-address';
import { findServerAccount, ServerAccountRegistry } from './server-accounts';
import { checkUsername, signInToServer, verifyAccountPassword, type SignInDeps } from './server-sign-in';
import { signOutOfServer } from './server-sign-out';
import { LOGIN_RESPONSE } from './testing/login-response';

const parsed = parseServerAddress('https://10.1.2.3:8080');
if (!parsed.ok) throw new Error(parsed.reason);
const ADDRESS: ServerAddress = parsed.address;
const PASSWORD = 'Yunwei#2026';

const online: FetchLike = () => Promise.resolve(Response.json(LOGIN_RESPONSE));
const unreachable: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
const refusing: FetchLike = () =>
  Promise.resolve(
    Response.json(
      { error: { code: 'account_disabled', message: '该账户已停用，请联系管理员' } },
      { status: 403 },
    ),
  );

const registries: ServerAccountRegistry[] = [];
function deps(fetchFn: FetchLike, shared?: SignInDeps): SignInDeps {
  if (shared !== undefined) return { ...shared, fetch: fetchFn };
  const accounts = new ServerAccountRegistry(`yunwei-accounts-test-${registries.length}-${Date.now()}`);
  registries.push(accounts);
  const host = createWebHost({ indexedDB, Notification: undefined, appVersion: 'test', openLink: () => {} });
  return { fetch: fetchFn, accounts, tokens: host, now: () => 1773104400000 };
}

afterEach(async () => {
  await Promise.all(registries.splice(0).map((registry) => registry.delete()));
});

async function failureOf(promise: Promise<unknown>): Promise<LoginFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LoginFailure)) throw new Error(`应以 LoginFailure 失败，实际为 ${String(error)}`);
  return error;
}

describe('signing in to a server account', () => {
  it('online: keeps the account with its verifier and the token, never the password', async () => {
    const d = deps(online);
    const signIn = await signInToServer({ address: ADDRESS, username: ' ZhangSan ', password: PASSWORD }, d);
    expect(signIn).toMatchObject({
      mode: 'online',
      offlineReason: null,
      token: { token: LOGIN_RESPONSE.token },
    });
    const stored = await findServerAccount(d.accounts, ADDRESS.serverKey, 'zhangsan');
    expect(stored).toMatchObject({
      baseUrl: 'https://10.1.2.3:8080',
      username: 'zhangsan',
      user: LOGIN_RESPONSE.user,
      idleLockMinutes: 15,
      lastOnlineLoginAt: 1773104400000,
    });
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    expect(JSON.stringify(stored)).not.toContain(LOGIN_RESPONSE.token);
    expect(await readAccountToken(d.tokens, ADDRESS.serverKey, 'zhangsan')).toEqual({
      token: LOGIN_RESPONSE.token,
      expiresAt: LOGIN_RESPONSE.expiresAt,
    });
    expect(await verifyAccountPassword(signIn.account, PASSWORD)).toBe(true);
    expect(await verifyAccountPassword(signIn.account, 'wrong-password')).toBe(false);
  });

  it('offline: accepts the password against the verifier of an earlier online login', async () => {
    const first = deps(online);
    await signInToServer({ address: ADDRESS, username: 'zhangsan', password: PASSWORD }, first);
    const signIn = await signInToServer(
      { address: ADDRESS, username: 'zhangsan', password: PASSWORD },
      deps(unreachable, first),
    );
    expect(signIn).toMatchObject({
      mode: 'offline',
      offlineReason: '无法连接服务器 https://10.1.2.3:8080（Failed to fetch）',
      token: { token: LOGIN_RESPONSE.token },
      account: { username: 'zhangsan' },
    });
    const wrong = await failureOf(
      signInToServer(
        { address: ADDRESS, username: 'zhangsan', password: 'Yunwei#2025' },
        deps(unreachable, first),
      ),
    );
    expect(wrong.kind).toBe('invalid_credentials');
    expect(wrong.message).toContain('离线核对');
  });

  it('offline: refuses, saying why, a user this PC never saw online', async () => {
    const failure = await failureOf(
      signInToServer({ address: ADDRESS, username: 'lisi', password: PASSWORD }, deps(unreachable)),
    );
    expect(failure.kind).toBe('never_online');
    expect(failure.message).toContain('本机从未在线登录过账号 lisi，无法离线登录');
    expect(failure.message).toContain('Failed to fetch');
  });

  it('never falls back to the verifier when the server refuses (a disabled account stays out)', async () => {
    const first = deps(online);
    await signInToServer({ address: ADDRESS, username: 'zhangsan', password: PASSWORD }, first);
    const failure = await failureOf(
      signInToServer({ address: ADDRESS, username: 'zhangsan', password: PASSWORD }, deps(refusing, first)),
    );
    expect(failure).toMatchObject({ kind: 'disabled', message: '该账户已停用，请联系管理员' });
  });

  it('sends no password over plain HTTP to another machine unless the server says its admin allows it', async () => {
    const plain = parseServerAddress('10.1.2.3:8080');
    if (!plain.ok) throw new Error(plain.reason);
    const server = (plainHttpAllowed: boolean) => {
      const logins: string[] = [];
      const fetchFn: FetchLike = (url) => {
        if (url.endsWith('/api/v1/health'))
          return Promise.resolve(Response.json({ status: 'ok', plainHttpAllowed }));
        logins.push(url);
        return Promise.resolve(Response.json(LOGIN_RESPONSE));
      };
      return { fetchFn, logins };
    };

    const refusing = server(false);
    const failure = await failureOf(
      signInToServer(
        { address: plain.address, username: 'zhangsan', password: PASSWORD },
        deps(refusing.fetchFn),
      ),
    );
    expect(failure.kind).toBe('rejected');
    expect(failure.message).toContain(
      '使用不加密的 HTTP 连接，登录时密码会在网络上明文传输，因此运维台拒绝登录',
    );
    expect(refusing.logins).toEqual([]);

    const allowing = server(true);
    const signIn = await signInToServer(
      { address: plain.address, username: 'zhangsan', password: PASSWORD },
      deps(allowing.fetchFn),
    );
    expect(signIn.mode).toBe('online');
    expect(allowing.logins).toEqual(['http://10.1.2.3:8080/api/v1/auth/login']);
  });

  it('checks the user name and the password before asking anyone', async () => {
    expect(checkUsername('  ')).toEqual({ ok: false, reason: '请填写用户名' });
    expect(checkUsername('张三')).toMatchObject({ ok: false, reason: expect.stringContaining('小写字母') });
    expect(checkUsername('Zhang.San')).toEqual({ ok: true, username: 'zhang.san' });
    const failure = await failureOf(
      signInToServer({ address: ADDRESS, username: 'zhangsan', password: '' }, deps(online)),
    );
    expect(failure.message).toBe('请输入密码');
  });

  it('signs out: forgets the token here and asks the server to revoke it', async () => {
    const d = deps(online);
    const signIn = await signInToServer({ address: ADDRESS, username: 'zhangsan', password: PASSWORD }, d);
    const calls: { url: string; init: RequestInit }[] = [];
    const result = await signOutOfServer(signIn.account, signIn.token, {
      tokens: d.tokens,
      fetch: (url, init) => {
        calls.push({ url, init });
        return Promise.resolve(new Response(null, { status: 204 }));
      },
    });
    expect(result).toEqual({ revoked: true, reason: null });
    expect(calls[0]?.url).toBe('https://10.1.2.3:8080/api/v1/auth/logout');
    expect(calls[0]?.init.headers).toMatchObject({ Authorization: `Bearer ${LOGIN_RESPONSE.token}` });
    expect(await readAccountToken(d.tokens, ADDRESS.serverKey, 'zhangsan')).toBeNull();
    expect(await tokenKey(ADDRESS.serverKey, 'zhangsan')).toMatch(/^sync\.[0-9a-f]{40}$/);

    const offline = await signOutOfServer(signIn.account, signIn.token, {
      tokens: d.tokens,
      fetch: unreachable,
    });
    expect(offline).toEqual({ revoked: false, reason: 'Failed to fetch' });
  });
});
