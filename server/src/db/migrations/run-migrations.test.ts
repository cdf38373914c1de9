import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openTestDatabase,
  suiteTitle,
  testBackends,
  type TestTarget,
} from '../../test-support/test-databases';
import type { Database } from '../database';
import { serverMetaMigration } from './001_server_meta';
import { allMigrations } from './all-migrations';
import type { Migration } from './migration';
import { runMigrations } from './run-migrations';

const widgets: Migration = { version: 2, name: 'widgets', sql: 'create table widgets (id int primary key);' };
const gadgets: Migration = {
  version: 3,
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
        expect(outcomes.flatMap((outcome) => outcome.applied)).toEqual(['001_server_meta']);
        expect(outcomes.map((outcome) => outcome.schemaVersion)).toEqual([1, 1]);
      } finally {
        if (other !== db) await other.close();
      }
      expect(await ledger()).toEqual([{ version: 1, name: 'server_meta' }]);
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
      expect(await runMigrations(db, [serverMetaMigration, widgets])).toEqual({
        applied: ['002_widgets'],
        schemaVersion: 2,
      });
      expect(await ledger()).toEqual([
        { version: 1, name: 'server_meta' },
        { version: 2, name: 'widgets' },
      ]);
    });

    it('refuses a database whose applied migration was edited since', async () => {
      const edited = { ...widgets, sql: 'create table widgets (id bigint primary key);' };
      await expect(runMigrations(db, [serverMetaMigration, edited])).rejects.toThrow(
        '数据库中已应用的迁移 002_widgets 与本程序的 002_widgets 内容不同',
      );
    });

    it('refuses a database from a newer release', async () => {
      await expect(runMigrations(db, [serverMetaMigration])).rejects.toThrow(
        '数据库结构版本为 2（002_widgets），高于本程序支持的 1',
      );
    });

    it('rolls back a failing migration entirely and names it with the reason', async () => {
      await expect(runMigrations(db, [serverMetaMigration, widgets, gadgets])).rejects.toThrow(
        /数据库迁移 003_gadgets 失败，已回滚：.*table_that_does_not_exist/,
      );
      expect((await ledger()).map((row) => row.version)).toEqual([1, 2]);
      const gadgetsTable = await db.query<{ present: boolean }>(
        `select to_regclass('gadgets') is not null as present`,
      );
      expect(gadgetsTable.rows).toEqual([{ present: false }]);
    });

    it('rejects a malformed migration list before touching the database', async () => {
      await expect(runMigrations(db, [serverMetaMigration, { ...widgets, version: 3 }])).rejects.toThrow(
        '迁移列表第 2 项的版本号应为 2，实为 3',
      );
      await expect(
        runMigrations(db, [serverMetaMigration, { ...widgets, name: 'Widgets!' }]),
      ).rejects.toThrow('迁移列表第 2 项的名称“Widgets!”无效');
      await expect(runMigrations(db, [serverMetaMigration, { ...widgets, sql: '  ' }])).rejects.toThrow(
        '迁移列表第 2 项（002_widgets）没有 SQL',
      );
    });
  });
}
