import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { APP_VERSION } from './app-version';
import type { Database, DatabaseKind } from './db/database';
import { type DatabaseTarget, openDatabase } from './db/open-database';
import { runMigrations } from './db/migrations/run-migrations';
import { errorReason } from './error-reason';
import type { SecurityPolicy } from './auth/security-policy';
import { HSTS_HEADER_VALUE, type LogLevel, type TlsCredentials, buildApp } from './http/app';

export type ServerOptions = DatabaseTarget & {
  /** 0 picks a free port; the returned URL names the real one. */
  port: number;
  /** Default 127.0.0.1: reachable from this machine only until an admin chooses otherwise. */
  host?: string;
  staticDir?: string;
  bodyLimitBytes?: number;
  logLevel?: LogLevel;
  /** Deployment settings of the security policy (e.g. the clock-drift allowance); defaults otherwise. */
  security?: Partial<SecurityPolicy>;
  /** Certificate and key (PEM): `port` then speaks HTTPS only. */
  tls?: TlsCredentials;
  /** With `tls`: a plain-HTTP port whose only answer is a redirect to the HTTPS one (e.g. 80). */
  httpRedirectPort?: number;
  /** The desktop app's update feed (electron-updater generic provider), served under /updates/. */
  updatesDir?: string;
  /** Without `tls`: the admin accepts sign-in over plain HTTP from other machines; clients refuse otherwise. */
  allowPlainHttp?: boolean;
};

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080, https://… with TLS */
  url: string;
  port: number;
  /** The plain-HTTP port that redirects to HTTPS, when one was asked for. */
  redirectPort?: number;
  databaseKind: DatabaseKind;
  /** The embedded database's data directory (absolute); absent on PostgreSQL. */
  dataDir?: string;
  schemaVersion: number;
  /** Migrations applied while starting, e.g. ['001_server_meta'] on a new database. */
  appliedMigrations: string[];
  /** Stops accepting requests, lets running ones finish, then closes the database. */
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly host: string,
  ) {
    super(`端口 ${port} 已被占用，无法在 ${host}:${port} 上启动服务：请换一个端口，或先停止占用它的程序`);
    this.name = 'PortInUseError';
  }
}

const DEFAULT_HOST = '127.0.0.1';

/** Opens the database, brings its schema up to date, and serves the API (and the web app). */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new RangeError(`端口应为 0–65535 之间的整数，实为 ${options.port}`);
  }
  if (options.httpRedirectPort !== undefined && options.tls === undefined) {
    throw new RangeError('只有启用 HTTPS（提供证书和私钥）时才能设置跳转用的 HTTP 端口');
  }

  let app: FastifyInstance | undefined;
  let redirect: Server | undefined;
  const db = await openDatabase(options, {
    onBackgroundError: (error) => {
      if (app) app.log.error({ err: error }, 'database connection error');
      else process.stderr.write(`数据库连接出错：${errorReason(error)}\n`);
    },
  });

  try {
    // Built first: it checks its options (a web app directory without index.html) before any change.
    app = buildApp({
      db,
      version: APP_VERSION,
      staticDir: options.staticDir,
      bodyLimitBytes: options.bodyLimitBytes,
      logLevel: options.logLevel,
      ...(options.security === undefined ? {} : { security: options.security }),
      ...(options.tls === undefined ? {} : { tls: options.tls }),
      ...(options.allowPlainHttp === undefined ? {} : { allowPlainHttp: options.allowPlainHttp }),
      ...(options.updatesDir === undefined ? {} : { updatesDir: options.updatesDir }),
    });
    const migrations = await runMigrations(db);
    const port = await listen(app, options.port, host);
    if (options.httpRedirectPort !== undefined) {
      redirect = await listenRedirect(options.httpRedirectPort, host, port);
    }
    const redirectServer = redirect;
    return {
      url: `${options.tls === undefined ? 'http' : 'https'}://${hostForUrl(host)}:${port}`,
      port,
      ...(redirectServer === undefined
        ? {}
        : { redirectPort: (redirectServer.address() as AddressInfo).port }),
      databaseKind: db.kind,
      dataDir: db.kind === 'pglite' && options.dataDir !== undefined ? resolve(options.dataDir) : undefined,
      schemaVersion: migrations.schemaVersion,
      appliedMigrations: migrations.applied,
      close: closeOnce(app, db, redirectServer),
    };
  } catch (error) {
    await app?.close();
    await db.close();
    throw error;
  }
}

/**
 * Plain HTTP that only sends browsers to HTTPS, same host and path (308 keeps the method). The host
 * comes from the request when it parses as one, else from the listening address.
 */
async function listenRedirect(port: number, host: string, httpsPort: number): Promise<Server> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const hostname = requestHostname(request.headers.host) ?? hostForUrl(host);
    const path = request.url?.startsWith('/') ? request.url : '/';
    response.writeHead(308, {
      location: `https://${hostname}:${httpsPort}${path}`,
      'content-type': 'text/plain; charset=utf-8',
      'strict-transport-security': HSTS_HEADER_VALUE,
    });
    response.end('本服务只接受 HTTPS 连接\n');
  });
  try {
    await new Promise<void>((resolveListen, rejectListen) => {
      server.once('error', rejectListen);
      server.listen(port, host, () => {
        server.off('error', rejectListen);
        resolveListen();
      });
    });
  } catch (error) {
    throw listenError(error, port, host);
  }
  return server;
}

function requestHostname(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  try {
    const url = new URL(`http://${header}`);
    return url.username === '' && url.pathname === '/' ? url.hostname : undefined;
  } catch {
    // Not a host[:port]: the listening address stands in.
    return undefined;
  }
}

async function listen(app: FastifyInstance, port: number, host: string): Promise<number> {
  try {
    await app.listen({ port, host });
  } catch (error) {
    throw listenError(error, port, host);
  }
  return (app.server.address() as AddressInfo).port;
}

function listenError(error: unknown, port: number, host: string): Error {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE') return new PortInUseError(port, host);
  const reason =
    code === 'EACCES'
      ? `没有权限使用端口 ${port}（1024 以下的端口通常需要管理员权限）`
      : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND'
        ? `本机没有地址 ${host}`
        : errorReason(error);
  return new Error(`无法在 ${host}:${port} 上启动服务：${reason}`, { cause: error });
}

/** A wildcard address is not something to type into a browser; the loopback one of its family is. */
function hostForUrl(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function closeOnce(app: FastifyInstance, db: Database, redirect: Server | undefined): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      try {
        if (redirect !== undefined) await closeServer(redirect);
        await app.close();
      } finally {
        await db.close();
      }
    })();
    return closing;
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolveClose, rejectClose) => {
    server.close((error) => (error ? rejectClose(error) : resolveClose()));
    server.closeAllConnections();
  });
}
