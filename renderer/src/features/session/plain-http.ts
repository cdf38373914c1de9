import { API_PATHS } from '@core/sync/protocol';
import { LoginFailure } from './login-failure';
import { LOGIN_TIMEOUT_MS, type FetchLike } from './login-request';

/** This PC: nothing it sends to these leaves the machine, so plain HTTP exposes nothing. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A password sent to this server would cross the network unencrypted. */
export function sendsPasswordInClear(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/**
 * Before a password goes over plain HTTP to another machine, the server's health answer must say its
 * admin accepts that (`yunwei serve --allow-plain-http`); otherwise sign-in stops here, saying why.
 * A server that does not answer is unreachable (the offline login takes over, nothing is sent).
 */
export async function checkPlainHttpAllowed(
  baseUrl: string,
  fetchFn: FetchLike,
  timeoutMs: number = LOGIN_TIMEOUT_MS,
): Promise<void> {
  if (!sendsPasswordInClear(baseUrl)) return;
  let response: Response;
  try {
    response = await fetchFn(`${baseUrl}${API_PATHS.health}`, {
      method: 'GET',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const why =
      error instanceof DOMException && error.name === 'TimeoutError'
        ? `${Math.ceil(timeoutMs / 1000)} 秒内没有应答`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new LoginFailure('unreachable', `无法连接服务器 ${baseUrl}（${why}）`);
  }
  const body = await response.json().then(
    (json: unknown) => json,
    // Not JSON: a proxy's or another program's page, handled as "not the server" below.
    () => undefined,
  );
  const health = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (!response.ok) {
    throw new LoginFailure('unreachable', `服务器 ${baseUrl} 暂时无法使用（HTTP ${response.status}）`);
  }
  if (health.status !== 'ok') {
    throw new LoginFailure(
      'unreachable',
      `${baseUrl} 的应答不是运维台服务器的（HTTP ${response.status}）：请检查服务器地址`,
    );
  }
  if (health.plainHttpAllowed === true) return;
  throw new LoginFailure(
    'rejected',
    `服务器 ${baseUrl} 使用不加密的 HTTP 连接，登录时密码会在网络上明文传输，因此运维台拒绝登录。` +
      '请改用 https:// 开头的地址；若服务器尚未启用 HTTPS，请联系管理员启用，或由管理员明确允许不加密登录。',
  );
}
