import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { allMigrations } from '../db/migrations/all-migrations';
import { buildApp } from '../http/app';
import {
  createMigratedDatabase,
  openTestDatabase,
  suiteTitle,
  testBackends,
  type TestTarget,
} from '../test-support/test-databases';

// 2026-02-13 09:30:00.250 UTC.
const FIXED_NOW = Date.UTC(2026, 1, 13, 9, 30, 0, 250);

for (const backend of testBackends) {
  describe.skipIf(backend.skipReason !== undefined)(`GET /api/v1/health on ${suiteTitle(backend)}`, () => {
    let db: Database;
    let dispose: () => Promise<void>;
    let app: FastifyInstance;

    beforeAll(async () => {
      ({ db, dispose } = await createMigratedDatabase(backend));
      app = buildApp({
        db,
        version: '9.8.7',
        now: () => FIXED_NOW,
        healthTimeoutMs: 500,
        logLevel: 'silent',
      });
    });

    afterAll(async () => {
      await app.close();
      await dispose();
    });

    it('reports ok with the version, schema version, instance id, server time and plain-HTTP policy', async () => {
      const instance = await db.query<{ instance_id: string }>('select instance_id from server_meta');
      const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.json()).toEqual({
        status: 'ok',
        version: '9.8.7',
        schemaVersion: allMigrations.length,
        instanceId: instance.rows[0]?.instance_id,
        serverTime: FIXED_NOW,
        plainHttpAllowed: false,
      });
    });

    it('announces plain HTTP allowed only when the admin said so', async () => {
      const allowing = buildApp({ db, version: '9.8.7', logLevel: 'silent', allowPlainHttp: true });
      try {
        const response = await allowing.inject({ method: 'GET', url: '/api/v1/health' });
        expect(response.json()).toMatchObject({ status: 'ok', plainHttpAllowed: true });
      } finally {
        await allowing.close();
      }
    });

    it('reports 503 when the database does not answer in time', async () => {
      let releaseLock = () => {};
      const held = new Promise<void>((resolve) => (releaseLock = resolve));
      // A transaction holding an exclusive lock makes the health query wait, as a stuck database would.
      const holder = db.transaction(async (tx) => {
        await tx.query('lock table schema_migrations in access exclusive mode');
        await held;
      });
      try {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
        expect(response.statusCode).toBe(503);
        expect(response.json()).toEqual({
          status: 'unavailable',
          version: '9.8.7',
          serverTime: FIXED_NOW,
          error: { code: 'database_unavailable', message: '数据库不可用：500 毫秒内没有响应' },
        });
      } finally {
        releaseLock();
        await holder;
      }
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    });

    it('reports 503 when the database has no instance id', async () => {
      const saved = await db.query<{ instance_id: string }>('select instance_id from server_meta');
      await db.query('delete from server_meta');
      try {
        const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
        expect(response.statusCode).toBe(503);
        expect(response.json().error.message).toBe(
          '数据库不可用：数据库尚未初始化（没有迁移记录或实例标识）',
        );
      } finally {
        await db.query('insert into server_meta (instance_id) values ($1)', [
          saved.rows[0]?.instance_id ?? null,
        ]);
      }
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    });

    it('reports 503 with the reason when the database is closed', async () => {
      const testTarget: TestTarget = await backend.createTarget();
      const closed = await openTestDatabase(testTarget.target);
      await closed.close();
      const probe = buildApp({ db: closed, version: '9.8.7', logLevel: 'silent' });
      try {
        const response = await probe.inject({ method: 'GET', url: '/api/v1/health' });
        expect(response.statusCode).toBe(503);
        expect(response.json().error).toEqual({
          code: 'database_unavailable',
          message: expect.stringMatching(/^数据库不可用：\S+/),
        });
      } finally {
        await probe.close();
        await testTarget.dispose();
      }
    });
  });
}
