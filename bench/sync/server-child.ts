/**
 * The yunwei server for the sync bench, in its own process so the 200 simulated clients (in the
 * parent) do not share its event loop: the real app (buildApp), migrations and accounts, listening on
 * loopback. The parent sends a ServerChildConfig, gets back the URL, and stops it by disconnecting.
 */
import type { AddressInfo } from 'node:net';
import type { UserScope } from '@core/auth';
import { addUser } from '../../server/src/accounts/user-admin';
import type { Argon2Params } from '../../server/src/auth/security-policy';
import { openDatabase, type DatabaseTarget } from '../../server/src/db/open-database';
import { runMigrations } from '../../server/src/db/migrations/run-migrations';
import { buildApp } from '../../server/src/http/app';

export interface ServerChildConfig {
  readonly target: DatabaseTarget;
  /** The bench renderer build, served by the same origin as the API (no CORS in the way). */
  readonly staticDir?: string;
  readonly accounts: readonly { readonly name: string; readonly scope: UserScope }[];
  readonly password: string;
}

export type ServerChildMessage =
  { readonly kind: 'ready'; readonly url: string } | { readonly kind: 'failed'; readonly reason: string };

/**
 * Cheap password hashing: 400 logins and account creations at the OWASP baseline would add minutes
 * of argon2 to a bench that measures sync, and none of it would be measured.
 */
const BENCH_ARGON2: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1, hashLength: 32 };

async function start(config: ServerChildConfig): Promise<string> {
  const db = await openDatabase(config.target, {
    onBackgroundError: (error) => process.stderr.write(`[bench server] 数据库后台错误：${error.message}\n`),
  });
  await runMigrations(db);
  for (const account of config.accounts) {
    await addUser(
      db,
      { name: account.name, scope: account.scope, password: config.password },
      { actor: 'cli:bench', now: Date.now(), knownUnitIds: [], argon2: BENCH_ARGON2 },
    );
  }
  const app = buildApp({
    db,
    version: 'bench',
    staticDir: config.staticDir,
    logLevel: 'warn',
    security: {
      argon2: BENCH_ARGON2,
      // Every simulated client logs in once from 127.0.0.1; the per-address limit is for people.
      loginRateLimit: { max: 10_000, windowMs: 60_000 },
    },
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('disconnect', () => {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

function send(message: ServerChildMessage): void {
  if (process.send === undefined) throw new Error('bench 服务进程须由 bench 以 fork 启动');
  process.send(message);
}

process.once('message', (config: ServerChildConfig) => {
  start(config).then(
    (url) => send({ kind: 'ready', url }),
    (error: unknown) => {
      send({
        kind: 'failed',
        reason: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      process.exit(1);
    },
  );
});
