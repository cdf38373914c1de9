import {
  API_PATHS,
  SCHEMA_VERSION_HEADER,
  SYNC_SCHEMA_VERSION,
  errorBodySchema,
  loginResponseSchema,
  type LoginRequest,
  type LoginResponse,
} from '@core/sync/protocol';
import { LoginFailure } from './login-failure';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A department network that drops packets hangs rather than refuses: give up and go offline. */
export const LOGIN_TIMEOUT_MS = 10_000;

/** Gateways answer these when the server behind them is down: the server is unreachable, not refusing. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * POST /api/v1/auth/login. Resolves with the validated response; rejects with a LoginFailure whose
 * message is Chinese and says why (the server's own sentence where it gave one).
 */
export async function requestLogin(
  baseUrl: string,
  credentials: LoginRequest,
  fetchFn: FetchLike,
  timeoutMs: number = LOGIN_TIMEOUT_MS,
): Promise<LoginResponse> {
  let response: Response;
  try {
    response = await fetchFn(`${baseUrl}${API_PATHS.login}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION) },
      body: JSON.stringify(credentials),
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
  const body = await readJson(response);
  if (response.ok) {
    const parsed = loginResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw notTheServer(baseUrl, response.status);
  }
  throw loginRefusal(baseUrl, response, body);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    // Not JSON: a static page, a proxy's error page. The status decides what it means below.
    return undefined;
  }
}

/** An answer that is not the server's: a wrong address or a proxy page. As good as unreachable. */
function notTheServer(baseUrl: string, status: number): LoginFailure {
  return new LoginFailure(
    'unreachable',
    `${baseUrl} 的应答不是运维台服务器的（HTTP ${status}）：请检查服务器地址`,
  );
}

export function loginRefusal(baseUrl: string, response: Response, body: unknown): LoginFailure {
  if (GATEWAY_STATUSES.has(response.status)) {
    return new LoginFailure('unreachable', `服务器 ${baseUrl} 暂时无法使用（HTTP ${response.status}）`);
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return notTheServer(baseUrl, response.status);
  const { code, message } = parsed.data.error;
  switch (code) {
    case 'invalid_credentials':
      return new LoginFailure('invalid_credentials', message);
    case 'account_locked':
      return new LoginFailure('locked', message);
    case 'account_disabled':
      return new LoginFailure('disabled', message);
    case 'too_many_requests': {
      const seconds = Number(response.headers.get('Retry-After'));
      const wait = Number.isFinite(seconds) && seconds > 0 ? `（${seconds} 秒后可再试）` : '';
      return new LoginFailure('rate_limited', `${message}${wait}`);
    }
    case 'client_outdated':
    case 'server_outdated':
      return new LoginFailure('outdated', message);
    default:
      return new LoginFailure('rejected', `服务器拒绝登录：${message}`);
  }
}
