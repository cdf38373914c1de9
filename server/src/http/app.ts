import { createServer as createHttpsServer } from 'node:https';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerFactory,
  LogController,
} from 'fastify';
import type { ScopeContext } from '@core/auth';
import { quoteText } from '@core/records/storable-text';
import type { SecurityPolicy } from '../auth/security-policy';
import type { Database } from '../db/database';
import { HEALTH_PATH, registerHealthRoute } from '../health/health-route';
import { serveUpdateFeed } from '../updates/update-routes';
import { ApiError } from './api-error';
import { API_PREFIX_ROOT, isApiPath, pathOf } from './api-path';
import { registerApiRoutes } from './api-routes';
import { createErrorHandler } from './error-handler';
import { addSecurityHeaders, applySecurityHeaders } from './security-headers';
import { isAppNavigation, sendAppShell, serveRenderer } from './static-files';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppOptions {
  db: Database;
  /** Reported by the health endpoint. */
  version: string;
  /** The built renderer (Vite's output directory); omit to serve the API only. */
  staticDir?: string;
  /** Largest accepted request body; larger ones get 413. */
  bodyLimitBytes?: number;
  logLevel?: LogLevel;
  /** Where JSON log lines go; stderr by default, keeping stdout for the CLI's own output. */
  logStream?: { write(line: string): void };
  /** Milliseconds since the epoch; replaceable so tests can fix the clock. */
  now?: () => number;
  healthTimeoutMs?: number;
  /** Password cost, lockout, token lifetime, rate limits, audit retention; defaults otherwise. */
  security?: Partial<SecurityPolicy>;
  /** Which subsystem is the document system (service managers' scope); the shipped profile's otherwise. */
  scopeContext?: ScopeContext;
  /** Certificate and key (PEM): the app then speaks HTTPS only and tells browsers to stay on it (HSTS). */
  tls?: TlsCredentials;
  /** Announced by the health probe: the admin accepts sign-in over plain HTTP from other machines. */
  allowPlainHttp?: boolean;
  /** The desktop app's update feed, served under /updates/; omit to serve none. */
  updatesDir?: string;
}

export interface TlsCredentials {
  cert: string | Buffer;
  key: string | Buffer;
}

/** One year, the common floor for HSTS; subdomains are left out, they may be other departments' hosts. */
export const HSTS_HEADER_VALUE = 'max-age=31536000';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
const DEFAULT_HEALTH_TIMEOUT_MS = 5000;

export function buildApp(options: AppOptions): FastifyInstance {
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes <= 0) {
    throw new RangeError(`请求体上限应为正整数（字节），实为 ${bodyLimitBytes}`);
  }
  const handleError = createErrorHandler(bodyLimitBytes);
  const tls = options.tls;
  // HTTPS through the server factory: Fastify's own `https` option would retype the whole instance.
  const serverFactory: FastifyServerFactory | undefined =
    tls === undefined ? undefined : (handler) => createHttpsServer({ cert: tls.cert, key: tls.key }, handler);
  const app = Fastify({
    serverFactory,
    logger: { level: options.logLevel ?? 'info', stream: options.logStream ?? process.stderr },
    bodyLimit: bodyLimitBytes,
    // Every client probes health every few seconds: only its failures are worth a log line.
    logController: new LogController({
      disableRequestLogging: (request) => pathOf(request.url) === HEALTH_PATH,
    }),
    // Errors raised before routing (a malformed URL) skip the hooks, so they get the headers here.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      applySecurityHeaders(reply);
      return handleError(error, request, reply);
    },
  });

  addSecurityHeaders(app);
  if (tls !== undefined) {
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('strict-transport-security', HSTS_HEADER_VALUE);
    });
  }
  app.addHook('onRequest', async (request, reply) => {
    // API answers describe the present moment; no cache may replay them.
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler(handleError);

  const now = options.now ?? Date.now;
  registerHealthRoute(app, {
    db: options.db,
    version: options.version,
    now,
    timeoutMs: options.healthTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS,
    plainHttpAllowed: tls === undefined && options.allowPlainHttp === true,
  });
  registerApiRoutes(app, {
    db: options.db,
    now,
    security: options.security,
    scopeContext: options.scopeContext,
  });

  // Only JSON bodies (and a blob's octets, in its own route) are read; anything else is 415.
  app.removeContentTypeParser('text/plain');

  if (options.updatesDir !== undefined) serveUpdateFeed(app, options.updatesDir);
  const servesRenderer = options.staticDir !== undefined;
  if (options.staticDir !== undefined) serveRenderer(app, options.staticDir);
  // An API path no route matches (an unknown path, a parameter too long for the router, `..` in it)
  // is a JSON 404 here, never a file of the web app: this wildcard outranks the web app's `/*`.
  app.all(`${API_PREFIX_ROOT}/*`, (_request, reply) => reply.callNotFound());

  app.setNotFoundHandler((request, reply) => {
    if (servesRenderer && isAppNavigation(request)) return sendAppShell(reply);
    return reply.send(
      new ApiError(
        404,
        'not_found',
        `没有这个地址：${request.method} ${quoteText(pathOf(request.url), 200)}`,
      ),
    );
  });

  return app;
}
