import {
  API_PATHS,
  SCHEMA_VERSION_HEADER,
  SYNC_SCHEMA_VERSION,
  type LoginResponse,
  type PullRequestInput,
  type PullResponse,
  type PushRequestInput,
  type PushResponse,
} from '@core/sync/protocol';

/**
 * The bench's own HTTP client of the sync API (docs/sync-protocol.md), over real loopback sockets.
 * Responses are read as the server's JSON without re-validating them: the bench times the server,
 * and a failed request stops it with the status and the server's error body.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private token: string | null = null,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const response = await this.post<LoginResponse>(API_PATHS.login, { username, password });
    this.token = response.token;
    return response;
  }

  push(body: PushRequestInput): Promise<PushResponse> {
    return this.post<PushResponse>(API_PATHS.push, body);
  }

  pull(body: PullRequestInput): Promise<PullResponse> {
    return this.post<PullResponse>(API_PATHS.pull, body);
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
    };
    if (this.token !== null) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${path} 返回 ${response.status}：${text.slice(0, 500)}`);
    return JSON.parse(text) as T;
  }
}

/** Pushes a batch and fails loudly if the server rejected any op: a bench measures accepted work. */
export async function pushAccepted(client: ApiClient, body: PushRequestInput): Promise<PushResponse> {
  const response = await client.push(body);
  const rejected = response.results.find((result) => result.status === 'rejected');
  if (rejected !== undefined && rejected.status === 'rejected') {
    throw new Error(`服务器拒绝了操作 seq ${rejected.seq}（${rejected.code}）：${rejected.reason}`);
  }
  return response;
}
