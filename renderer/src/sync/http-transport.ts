import { CALENDARS_PATH, calendarListResponseSchema, calendarPutResponseSchema } from '@core/calendar';
import { describeSchemaIssues } from '@core/host/schema-issues';
import {
  API_PATHS,
  SCHEMA_VERSION_HEADER,
  SYNC_SCHEMA_VERSION,
  blobPutResponseSchema,
  errorBodySchema,
  historyResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
} from '@core/sync/protocol';
import type { z } from 'zod';
import { eventStreamParser } from './event-stream';
import type { SyncAccount } from './sync-account';
import { type SyncTransport, SyncHttpError, SyncNetworkError, SyncProtocolError } from './transport';

/** Push and pull carry up to 500 records: generous, but a hung connection must not hold the round. */
const REQUEST_TIMEOUT_MS = 60_000;
/** A 20 MB attachment over a slow office line. */
const BLOB_TIMEOUT_MS = 10 * 60_000;

type Fetch = typeof fetch;

/** The sync API over HTTP (docs/sync-protocol.md), with the account's bearer token. */
export function createHttpTransport(account: SyncAccount, fetchImpl: Fetch = fetch): SyncTransport {
  const base = account.baseUrl.replace(/\/+$/, '');
  const headers = (extra: Record<string, string> = {}) => ({
    [SCHEMA_VERSION_HEADER]: String(SYNC_SCHEMA_VERSION),
    authorization: `Bearer ${account.token}`,
    ...extra,
  });

  /** `timeoutMs` null: no time limit (the event stream); `signal` cancels. */
  async function send(
    path: string,
    init: RequestInit,
    timeoutMs: number | null,
    signal?: AbortSignal,
  ): Promise<Response> {
    const timeout = timeoutMs === null ? undefined : AbortSignal.timeout(timeoutMs);
    const signals = [signal, timeout].filter((item): item is AbortSignal => item !== undefined);
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      if (signal?.aborted === true) throw error;
      if (timeout?.aborted === true && timeoutMs !== null) {
        throw new SyncNetworkError(`服务器 ${Math.round(timeoutMs / 1000)} 秒内没有响应`, { cause: error });
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new SyncNetworkError(`${base === '' ? '服务器' : base} 无法访问（${reason}）`, { cause: error });
    }
    if (!response.ok) throw await httpError(response);
    return response;
  }

  async function json<Schema extends z.ZodType>(
    schema: Schema,
    path: string,
    init: RequestInit,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<z.output<Schema>> {
    const response = await send(path, init, timeoutMs);
    const body: unknown = await response.json().catch((error: unknown) => {
      throw new SyncProtocolError(`服务器对 ${path} 的回答不是 JSON：${String(error)}`);
    });
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new SyncProtocolError(
        `服务器对 ${path} 的回答不符合同步协议：${describeSchemaIssues(parsed.error)}`,
      );
    }
    return parsed.data;
  }

  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: headers({ 'content-type': 'application/json' }),
    body: JSON.stringify(body),
  });

  return {
    push: (request) => json(pushResponseSchema, API_PATHS.push, post(request)),
    pull: (request) => json(pullResponseSchema, API_PATHS.pull, post(request)),
    history: (recordId) =>
      json(historyResponseSchema, `${API_PATHS.history}/${encodeURIComponent(recordId)}`, {
        method: 'GET',
        headers: headers(),
      }),
    async calendars(etag) {
      let response: Response;
      try {
        response = await send(
          CALENDARS_PATH,
          { method: 'GET', headers: headers(etag === null ? {} : { 'if-none-match': etag }) },
          REQUEST_TIMEOUT_MS,
        );
      } catch (error) {
        if (error instanceof SyncHttpError && error.status === 304) return { kind: 'unchanged' };
        throw error;
      }
      if (response.status === 304) return { kind: 'unchanged' };
      const parsed = calendarListResponseSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) {
        throw new SyncProtocolError(
          `服务器对 ${CALENDARS_PATH} 的回答不符合协议：${describeSchemaIssues(parsed.error)}`,
        );
      }
      return { kind: 'notices', notices: parsed.data.notices, etag: response.headers.get('etag') };
    },
    putCalendar: (notice) =>
      json(calendarPutResponseSchema, `${CALENDARS_PATH}/${notice.year}`, {
        method: 'PUT',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(notice),
      }),
    async hasBlob(sha256) {
      try {
        await send(
          `${API_PATHS.blobs}/${sha256}`,
          { method: 'HEAD', headers: headers() },
          REQUEST_TIMEOUT_MS,
        );
        return true;
      } catch (error) {
        if (error instanceof SyncHttpError && (error.status === 404 || error.status === 403)) return false;
        throw error;
      }
    },
    async putBlob(sha256, data) {
      await json(
        blobPutResponseSchema,
        `${API_PATHS.blobs}/${sha256}`,
        { method: 'PUT', headers: headers({ 'content-type': 'application/octet-stream' }), body: data },
        BLOB_TIMEOUT_MS,
      );
    },
    async events(handlers, signal) {
      // EventSource cannot send the bearer header: read the stream with fetch (§8). No timeout:
      // the server's heartbeat keeps it open; the signal closes it.
      const response = await send(
        API_PATHS.events,
        { method: 'GET', headers: headers({ accept: 'text/event-stream' }) },
        null,
        signal,
      );
      const reader = response.body?.getReader();
      if (reader === undefined) throw new SyncProtocolError('服务器的事件流没有内容');
      const decoder = new TextDecoder();
      const feed = eventStreamParser((event) => {
        if (event.event === 'ready') handlers.onReady();
        if (event.event === 'poke') handlers.onPoke();
      });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        feed(decoder.decode(value, { stream: true }));
      }
    },
  };
}

async function httpError(response: Response): Promise<SyncHttpError> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    if (parsed.success)
      return new SyncHttpError(response.status, parsed.data.error.code, parsed.data.error.message);
  } catch {
    // Not JSON (a proxy's error page): described below by its status.
  }
  return new SyncHttpError(
    response.status,
    `http_${response.status}`,
    `服务器返回 ${response.status} ${response.statusText}`.trim(),
  );
}
