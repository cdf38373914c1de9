import { SCHEMA_VERSION_HEADER, SYNC_SCHEMA_VERSION } from '@core/sync/protocol';
import { describe, expect, it } from 'vitest';
import { eventStreamParser, type ServerSentEvent } from './event-stream';
import { createHttpTransport } from './http-transport';
import { SyncHttpError, SyncNetworkError, SyncProtocolError } from './transport';

const ACCOUNT = {
  baseUrl: 'http://127.0.0.1:8080/',
  token: 'token-of-zhangsan-0123456789',
  user: {
    name: 'zhangsan',
    role: 'engineer' as const,
    subsystemIds: [5],
    unitIds: [],
    visibleSubsystemIds: [5],
  },
};

function fakeFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return respond(String(input), init);
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('createHttpTransport', () => {
  it('sends the schema version and bearer token, and validates the answer', async () => {
    const { calls, fetchImpl } = fakeFetch(() =>
      Response.json({ changes: [], cursor: 'c1', hasMore: false, reset: false }),
    );
    const page = await createHttpTransport(ACCOUNT, fetchImpl).pull({
      schemaVersion: SYNC_SCHEMA_VERSION,
      cursor: null,
      limit: 500,
    });
    expect(page.cursor).toBe('c1');
    expect(calls[0]?.url).toBe('http://127.0.0.1:8080/api/v1/sync/pull');
    expect(calls[0]?.init.headers).toMatchObject({
      [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
      authorization: `Bearer ${ACCOUNT.token}`,
      'content-type': 'application/json',
    });
  });

  it('turns error bodies, unreachable servers and malformed answers into errors that say why', async () => {
    const refused = fakeFetch(() =>
      Response.json({ error: { code: 'token_revoked', message: '登录已失效' } }, { status: 401 }),
    );
    await expect(
      createHttpTransport(ACCOUNT, refused.fetchImpl).pull({ schemaVersion: SYNC_SCHEMA_VERSION }),
    ).rejects.toEqual(new SyncHttpError(401, 'token_revoked', '登录已失效'));
    const down = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    const offline = createHttpTransport(ACCOUNT, down.fetchImpl).pull({ schemaVersion: SYNC_SCHEMA_VERSION });
    await expect(offline).rejects.toBeInstanceOf(SyncNetworkError);
    await expect(offline).rejects.toThrow('fetch failed');
    const odd = fakeFetch(() => Response.json({ changes: 'none' }));
    await expect(
      createHttpTransport(ACCOUNT, odd.fetchImpl).pull({ schemaVersion: SYNC_SCHEMA_VERSION }),
    ).rejects.toBeInstanceOf(SyncProtocolError);
  });

  it('asks for a blob with HEAD and reads 404 as “not there”', async () => {
    const { calls, fetchImpl } = fakeFetch(() => new Response(null, { status: 404 }));
    expect(await createHttpTransport(ACCOUNT, fetchImpl).hasBlob('a'.repeat(64))).toBe(false);
    expect(calls[0]?.init.method).toBe('HEAD');
  });

  it('reads pokes from the event stream with fetch', async () => {
    const body = 'retry: 5000\n\nevent: ready\ndata: {}\n\n: heartbeat\n\nevent: poke\ndata: {"seq":4}\n\n';
    const { fetchImpl } = fakeFetch(
      () => new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    );
    const seen: string[] = [];
    await createHttpTransport(ACCOUNT, fetchImpl).events(
      { onReady: () => seen.push('ready'), onPoke: () => seen.push('poke') },
      new AbortController().signal,
    );
    expect(seen).toEqual(['ready', 'poke']);
  });
});

describe('eventStreamParser', () => {
  it('joins events split across chunks and ignores comments and retry lines', () => {
    const events: ServerSentEvent[] = [];
    const feed = eventStreamParser((event) => events.push(event));
    feed('retry: 5000\n\nevent: po');
    feed('ke\ndata: {"seq":1}\n');
    expect(events).toEqual([]);
    feed('\n: heartbeat\n\nevent: poke\r\ndata: {"seq":2}\r\n\r\n');
    expect(events).toEqual([
      { event: 'poke', data: '{"seq":1}' },
      { event: 'poke', data: '{"seq":2}' },
    ]);
  });
});
