import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_VERSION } from './app-version';
import { DataDirInUseError, LOCK_NAME } from './db/data-dir-lock';
import { allMigrations } from './db/migrations/all-migrations';
import { migrationLabel } from './db/migrations/migration';
import type { HealthyResponse } from './health/health-route';
import { migrate } from './migrate';
import { PortInUseError, type RunningServer, startServer } from './start-server';
import { pgliteBackend, postgresBackend, suiteTitle, type TestTarget } from './test-support/test-databases';

async function health(url: string): Promise<HealthyResponse> {
  const response = await fetch(`${url}/api/v1/health`);
  expect(response.status).toBe(200);
  return (await response.json()) as HealthyResponse;
}

describe('startServer on PGlite', () => {
  let testTarget: TestTarget;
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    testTarget = await pgliteBackend.createTarget();
    dataDir = testTarget.target.dataDir ?? '';
    server = await startServer({ port: 0, dataDir, logLevel: 'silent' });
  });

  afterAll(async () => {
    await server.close();
    await testTarget.dispose();
  });

  it('listens on a free port when given 0 and reports the real URL', async () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server).toMatchObject({
      databaseKind: 'pglite',
      dataDir,
      schemaVersion: allMigrations.length,
      appliedMigrations: allMigrations.map(migrationLabel),
    });
    expect(await health(server.url)).toMatchObject({ status: 'ok', version: APP_VERSION });
  });

  it('keeps a second server and migrate out of a data directory in use', async () => {
    await expect(startServer({ port: 0, dataDir, logLevel: 'silent' })).rejects.toBeInstanceOf(
      DataDirInUseError,
    );
    await expect(migrate({ dataDir })).rejects.toThrow(`数据目录 ${dataDir} 正被进程 ${process.pid} 使用`);
  });

  it('names the port when it is taken, and leaves nothing locked behind', async () => {
    const other = await pgliteBackend.createTarget();
    try {
      const attempt = startServer({ port: server.port, dataDir: other.target.dataDir, logLevel: 'silent' });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(`端口 ${server.port} 已被占用`);
      expect(existsSync(join(other.target.dataDir ?? '', LOCK_NAME))).toBe(false);
    } finally {
      await other.dispose();
    }
  });

  it('stops serving on close, releases the data directory, and finds its data again on restart', async () => {
    const { instanceId } = await health(server.url);
    await server.close();
    await server.close();
    await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
    expect(existsSync(join(dataDir, LOCK_NAME))).toBe(false);

    server = await startServer({ port: 0, dataDir, logLevel: 'silent' });
    expect(server.appliedMigrations).toEqual([]);
    expect((await health(server.url)).instanceId).toBe(instanceId);
  });
});

describe('startServer options', () => {
  it('rejects a port outside 0–65535', async () => {
    await expect(startServer({ port: 70000, dataDir: '/nonexistent' })).rejects.toThrow(
      '端口应为 0–65535 之间的整数，实为 70000',
    );
  });

  it('rejects a DATABASE_URL that is not a PostgreSQL URL', async () => {
    await expect(startServer({ port: 0, databaseUrl: 'mysql://root@localhost/db' })).rejects.toThrow(
      'DATABASE_URL 的协议应为 postgresql:// 或 postgres://，而不是 mysql://',
    );
  });

  it('names an unreachable PostgreSQL without revealing its password', async () => {
    const closedPort = await portWithNothingListening();
    const attempt = startServer({
      port: 0,
      databaseUrl: `postgresql://yunwei:s3cret@127.0.0.1:${closedPort}/yunwei`,
    });
    await expect(attempt).rejects.toThrow(
      `无法连接 PostgreSQL（postgresql://yunwei:***@127.0.0.1:${closedPort}/yunwei）：connect ECONNREFUSED`,
    );
    await expect(attempt).rejects.not.toThrow('s3cret');
  });
});

describe('migrate on PGlite', () => {
  it('applies pending migrations once and reports them', async () => {
    const { target, dispose } = await pgliteBackend.createTarget();
    try {
      expect(await migrate(target)).toEqual({
        applied: allMigrations.map(migrationLabel),
        schemaVersion: allMigrations.length,
        databaseKind: 'pglite',
      });
      expect(await migrate(target)).toEqual({
        applied: [],
        schemaVersion: allMigrations.length,
        databaseKind: 'pglite',
      });
      expect(existsSync(join(target.dataDir ?? '', LOCK_NAME))).toBe(false);
    } finally {
      await dispose();
    }
  });
});

describe.skipIf(postgresBackend.skipReason !== undefined)(
  `startServer and migrate on ${suiteTitle(postgresBackend)}`,
  () => {
    it('migrates, serves and closes against the database at DATABASE_URL', async () => {
      const { target, dispose } = await postgresBackend.createTarget();
      try {
        expect(await migrate(target)).toMatchObject({
          applied: allMigrations.map(migrationLabel),
          databaseKind: 'postgresql',
        });
        const server = await startServer({ ...target, port: 0, logLevel: 'silent' });
        try {
          expect(server).toMatchObject({
            databaseKind: 'postgresql',
            dataDir: undefined,
            appliedMigrations: [],
          });
          expect(await health(server.url)).toMatchObject({ status: 'ok' });
        } finally {
          await server.close();
        }
      } finally {
        await dispose();
      }
    });
  },
);

/** A port that was free a moment ago: connecting to it is refused. */
async function portWithNothingListening(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve, reject) => probe.close((error) => (error ? reject(error) : resolve())));
  return port;
}
