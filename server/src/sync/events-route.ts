import { visibleSubsystems } from '@core/auth';
import { API_PATHS } from '@core/sync/protocol';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../auth/auth-deps';
import { authenticate } from '../auth/authenticate';
import type { SyncNotifier } from './sync-notifier';

/** Proxies drop connections that stay silent; a comment line every 25 s keeps the stream open. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/v1/sync/events`: a server-sent event stream. `ready` once connected, then `poke` with
 * `{"seq": n}` after each commit the user can see. A poke carries no data: the client pulls.
 */
export function registerEventsRoute(api: FastifyInstance, deps: ApiDeps, notifier: SyncNotifier): void {
  api.get(API_PATHS.events, async (request, reply) => {
    const user = await authenticate(deps, request, reply);
    reply.hijack();
    const stream = reply.raw;
    // Headers set by the hooks (security, schema version) would be lost with the hijacked reply.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined) stream.setHeader(name, value);
    }
    stream.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    stream.write('retry: 5000\n\nevent: ready\ndata: {}\n\n');
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const unsubscribe = notifier.subscribe({
      visibility: visibleSubsystems(user.scope, deps.scopeContext),
      poke: (seq) => stream.write(`event: poke\ndata: ${JSON.stringify({ seq })}\n\n`),
      close: () => stream.end(),
    });
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
}
