import { SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { describe, expect, it } from 'vitest';
import { LoginFailure } from './login-failure';
import { requestLogin, type FetchLike } from './login-request';
import { LOGIN_RESPONSE } from './testing/login-response';

const BASE = 'http://10.1.2.3:8080';
const CREDENTIALS = { username: 'zhangsan', password: 'Yunwei#2026' };

function answering(status: number, body: unknown, headers: Record<string, string> = {}): FetchLike {
  return () =>
    Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      }),
    );
}

const refusal = (code: string, message: string) => ({ error: { code, message } });

async function failureOf(fetchFn: FetchLike, timeoutMs?: number): Promise<LoginFailure> {
  const error: unknown = await requestLogin(BASE, CREDENTIALS, fetchFn, timeoutMs).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof LoginFailure)) throw new Error(`应以 LoginFailure 失败，实际为 ${String(error)}`);
  return error;
}

describe('requestLogin', () => {
  it('posts the credentials with the schema version and returns the validated answer', async () => {
    const sent: { url: string; init: RequestInit }[] = [];
    const response = await requestLogin(BASE, CREDENTIALS, (url, init) => {
      sent.push({ url, init });
      return answering(200, LOGIN_RESPONSE)(url, init);
    });
    expect(response).toEqual(LOGIN_RESPONSE);
    expect(sent[0]?.url).toBe('http://10.1.2.3:8080/api/v1/auth/login');
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.init.headers).toMatchObject({ 'yunwei-schema-version': String(SYNC_SCHEMA_VERSION) });
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual(CREDENTIALS);
  });

  it('shows the server’s own words for a wrong password, a locked or a disabled account', async () => {
    expect(await failureOf(answering(401, refusal('invalid_credentials', '用户名或密码错误')))).toMatchObject(
      {
        kind: 'invalid_credentials',
        message: '用户名或密码错误',
      },
    );
    const locked = '密码连续错误次数过多，账户已锁定至 2026-03-10 09:30:00，请稍后再试或联系管理员重置密码';
    expect(await failureOf(answering(423, refusal('account_locked', locked)))).toMatchObject({
      kind: 'locked',
      message: locked,
    });
    expect(
      await failureOf(answering(403, refusal('account_disabled', '该账户已停用，请联系管理员'))),
    ).toMatchObject({
      kind: 'disabled',
      message: '该账户已停用，请联系管理员',
    });
    expect(
      await failureOf(
        answering(429, refusal('too_many_requests', '登录尝试过于频繁，请 42 秒后再试'), {
          'Retry-After': '42',
        }),
      ),
    ).toMatchObject({ kind: 'rate_limited', message: '登录尝试过于频繁，请 42 秒后再试（42 秒后可再试）' });
    expect(await failureOf(answering(426, refusal('client_outdated', '请先升级运维台客户端')))).toMatchObject(
      {
        kind: 'outdated',
        message: '请先升级运维台客户端',
      },
    );
    expect(
      await failureOf(answering(400, refusal('invalid_body', 'username: 用户名应为文字'))),
    ).toMatchObject({
      kind: 'rejected',
      message: '服务器拒绝登录：username: 用户名应为文字',
    });
  });

  it('calls the server unreachable when the network fails, it times out, a gateway answers or it is not our server', async () => {
    expect(await failureOf(() => Promise.reject(new TypeError('Failed to fetch')))).toMatchObject({
      kind: 'unreachable',
      message: '无法连接服务器 http://10.1.2.3:8080（Failed to fetch）',
    });
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    expect(await failureOf(hanging, 20)).toMatchObject({
      kind: 'unreachable',
      message: '无法连接服务器 http://10.1.2.3:8080（1 秒内没有应答）',
    });
    expect(await failureOf(answering(503, '<html>Service Unavailable</html>'))).toMatchObject({
      kind: 'unreachable',
      message: '服务器 http://10.1.2.3:8080 暂时无法使用（HTTP 503）',
    });
    expect(await failureOf(answering(404, '不存在'))).toMatchObject({
      kind: 'unreachable',
      message: 'http://10.1.2.3:8080 的应答不是运维台服务器的（HTTP 404）：请检查服务器地址',
    });
    expect(await failureOf(answering(200, { hello: 'world' }))).toMatchObject({ kind: 'unreachable' });
  });
});
