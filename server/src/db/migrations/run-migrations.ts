import { createHash } from 'node:crypto';
import { errorReason } from '../../error-reason';
import type { Database, Queryable } from '../database';
import { allMigrations } from './all-migrations';
import { type Migration, migrationLabel } from './migration';

export interface MigrationOutcome {
  /** Labels of the migrations this run applied, in order (empty when the schema was current). */
  applied: string[];
  schemaVersion: number;
}

/**
 * Serialises migrating processes on PostgreSQL (two servers starting at once). The number is this
 * app's own key among the database's advisory locks; in PGlite there is one backend and it is free.
 */
const MIGRATION_LOCK_KEY = 0x7977_6d67;
/** Long enough for any migration of ours, short enough that a stuck one is reported, not waited on. */
const MIGRATION_LOCK_TIMEOUT = '60s';

interface RecordedMigration {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Brings the schema up to date: each pending migration runs with its ledger row in its own
 * transaction, so a failure leaves the database at the last good version. Running it again, or from
 * two processes at once, applies nothing twice.
 */
export async function runMigrations(
  db: Database,
  migrations: readonly Migration[] = allMigrations,
): Promise<MigrationOutcome> {
  assertWellFormed(migrations);
  // Checked before any change: a database from a newer release, or one whose history differs from
  // this build's, must not be altered.
  verifyHistory(await readLedger(db), migrations);

  const applied: string[] = [];
  for (const migration of migrations) {
    if (await applyUnlessRecorded(db, migration)) applied.push(migrationLabel(migration));
  }
  return { applied, schemaVersion: migrations.at(-1)?.version ?? 0 };
}

async function applyUnlessRecorded(db: Database, migration: Migration): Promise<boolean> {
  const label = migrationLabel(migration);
  try {
    return await db.transaction(async (tx) => {
      await tx.query(`set local lock_timeout = '${MIGRATION_LOCK_TIMEOUT}'`);
      await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
      // Read again under the lock: another process may have applied it since the first look.
      const recorded = (await readLedger(tx)).get(migration.version);
      if (recorded !== undefined) {
        verifySame(recorded, migration);
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        checksumOf(migration),
      ]);
      return true;
    });
  } catch (error) {
    throw new Error(`数据库迁移 ${label} 失败，已回滚：${errorReason(error)}`, { cause: error });
  }
}

async function readLedger(db: Queryable): Promise<Map<number, RecordedMigration>> {
  // Read pg_class itself rather than to_regclass(): that consults the backend's catalog cache, which
  // an advisory lock does not refresh, so it could still miss a ledger another process just created.
  const presence = await db.query<{ present: boolean }>(
    `select exists (
       select 1 from pg_catalog.pg_class c
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
       where c.relname = 'schema_migrations' and n.nspname = current_schema()
     ) as present`,
  );
  if (presence.rows[0]?.present !== true) return new Map();
  const { rows } = await db.query<RecordedMigration>(
    'select version, name, checksum from schema_migrations order by version',
  );
  return new Map(rows.map((row) => [row.version, row]));
}

function verifyHistory(ledger: Map<number, RecordedMigration>, migrations: readonly Migration[]): void {
  const latestKnown = migrations.at(-1)?.version ?? 0;
  for (const recorded of ledger.values()) {
    if (recorded.version > latestKnown) {
      throw new Error(
        `数据库结构版本为 ${recorded.version}（${migrationLabel(recorded)}），` +
          `高于本程序支持的 ${latestKnown}：请使用更新版本的运维台服务端。`,
      );
    }
  }
  for (const migration of migrations) {
    const recorded = ledger.get(migration.version);
    if (recorded !== undefined) verifySame(recorded, migration);
  }
}

function verifySame(recorded: RecordedMigration, migration: Migration): void {
  if (recorded.name !== migration.name || recorded.checksum !== checksumOf(migration)) {
    throw new Error(
      `数据库中已应用的迁移 ${migrationLabel(recorded)} 与本程序的 ${migrationLabel(migration)} 内容不同：` +
        `已发布的迁移不得修改，改动应写成新的迁移。`,
    );
  }
}

function checksumOf(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

const MIGRATION_NAME = /^[a-z][a-z0-9_]*$/;

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const where = `迁移列表第 ${index + 1} 项`;
    if (migration.version !== index + 1) {
      throw new Error(
        `${where}的版本号应为 ${index + 1}，实为 ${migration.version}：版本号须从 1 起连续递增`,
      );
    }
    if (!MIGRATION_NAME.test(migration.name)) {
      throw new Error(`${where}的名称“${migration.name}”无效：应为小写字母开头的 snake_case`);
    }
    if (migration.sql.trim() === '') throw new Error(`${where}（${migrationLabel(migration)}）没有 SQL`);
  });
}
