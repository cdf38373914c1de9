import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  suiteTitle,
  testBackends,
  type TestTarget,
} from '../../test-support/test-databases';
import type { Database } from '../database';
import { allMigrations } from './all-migrations';
import { type Migration, migrationLabel } from './migration';
import { runMigrations } from './run-migrations';

/** This build's migrations, then test-only ones after them. */
const released = allMigrations;
const latest = released.length;
const releasedLedger = released.map(({ version, name }) => ({ version, name }));
const widgets: Migration = {
  version: latest + 1,
  name: 'widgets',
  sql: 'create table widgets (id int primary key);',
};
const gadgets: Migration = {
  version: latest + 2,
  name: 'gadgets',
  sql: 'create table gadgets (id int primary key); select * from table_that_does_not_exist;',
};

for (const backend of testBackends) {
  // The tests form one story on one database, from empty to several versions: they run in order.
  describe.skipIf(backend.skipReason !== undefined)(`runMigrations on ${suiteTitle(backend)}`, () => {
    let testTarget: TestTarget;
    let db: Database;

    beforeAll(async () => {
      testTarget = await backend.createTarget();
      db = await openTestDatabase(testTarget.target);
    });

    afterAll(async () => {
      await db.close();
      await testTarget.dispose();
    });

    const ledger = async () =>
      (
        await db.query<{ version: number; name: string }>(
          'select version, name from schema_migrations order by version',
        )
      ).rows;

    it('applies every migration to a new database exactly once, even with two runners at once', async () => {
      // Two connections pools on PostgreSQL race for real; PGlite has one backend per directory.
      const other = backend.name === 'PostgreSQL' ? await openTestDatabase(testTarget.target) : db;
      try {
        const outcomes = await Promise.all([runMigrations(db), runMigrations(other)]);
        // Each migration takes the lock in its own transaction, so the two runners may share the work;
        // together they apply each migration exactly once, and the ledger below keeps their order.
        const applied = outcomes.flatMap((outcome) => outcome.applied);
        expect([...applied].sort()).toEqual(released.map(migrationLabel));
        expect(outcomes.map((outcome) => outcome.schemaVersion)).toEqual([latest, latest]);
      } finally {
        if (other !== db) await other.close();
      }
      expect(await ledger()).toEqual(releasedLedger);
      const checksums = await db.query<{ checksum: string }>('select checksum from schema_migrations');
      expect(checksums.rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    });

    it('gives the database one instance id', async () => {
      const { rows } = await db.query<{ instance_id: string }>('select instance_id from server_meta');
      expect(rows).toEqual([{ instance_id: expect.stringMatching(/^[0-9a-f-]{36}$/) }]);
    });

    it('applies nothing when the schema is current', async () => {
      const before = await db.query('select instance_id from server_meta');
      expect(await runMigrations(db)).toEqual({ applied: [], schemaVersion: allMigrations.length });
      expect((await db.query('select instance_id from server_meta')).rows).toEqual(before.rows);
    });

    it('applies only the migrations added since the last run', async () => {
      expect(await runMigrations(db, [...released, widgets])).toEqual({
        applied: [migrationLabel(widgets)],
        schemaVersion: latest + 1,
      });
      expect(await ledger()).toEqual([...releasedLedger, { version: latest + 1, name: 'widgets' }]);
    });

    it('refuses a database whose applied migration was edited since', async () => {
      const edited = { ...widgets, sql: 'create table widgets (id bigint primary key);' };
      await expect(runMigrations(db, [...released, edited])).rejects.toThrow(
        `数据库中已应用的迁移 ${migrationLabel(widgets)} 与本程序的 ${migrationLabel(widgets)} 内容不同`,
      );
    });

    it('refuses a database from a newer release', async () => {
      await expect(runMigrations(db, released)).rejects.toThrow(
        `数据库结构版本为 ${latest + 1}（${migrationLabel(widgets)}），高于本程序支持的 ${latest}`,
      );
    });

    it('rolls back a failing migration entirely and names it with the reason', async () => {
      await expect(runMigrations(db, [...released, widgets, gadgets])).rejects.toThrow(
        new RegExp(`数据库迁移 ${migrationLabel(gadgets)} 失败，已回滚：.*table_that_does_not_exist`),
      );
      expect((await ledger()).map((row) => row.version)).toEqual([
        ...releasedLedger.map((row) => row.version),
        latest + 1,
      ]);
      const gadgetsTable = await db.query<{ present: boolean }>(
        `select to_regclass('gadgets') is not null as present`,
      );
      expect(gadgetsTable.rows).toEqual([{ present: false }]);
    });

    it('rejects a malformed migration list before touching the database', async () => {
      await expect(runMigrations(db, [...released, { ...widgets, version: latest + 2 }])).rejects.toThrow(
        `迁移列表第 ${latest + 1} 项的版本号应为 ${latest + 1}，实为 ${latest + 2}`,
      );
      await expect(runMigrations(db, [...released, { ...widgets, name: 'Widgets!' }])).rejects.toThrow(
        `迁移列表第 ${latest + 1} 项的名称“Widgets!”无效`,
      );
      await expect(runMigrations(db, [...released, { ...widgets, sql: '  ' }])).rejects.toThrow(
        `迁移列表第 ${latest + 1} 项（${migrationLabel(widgets)}）没有 SQL`,
      );
    });
  });
}
