import type { DatabaseKind } from './db/database';
import { type DatabaseTarget, openDatabase } from './db/open-database';
import { type MigrationOutcome, runMigrations } from './db/migrations/run-migrations';
import { errorReason } from './error-reason';

export interface MigrateResult extends MigrationOutcome {
  databaseKind: DatabaseKind;
}

/** `yunwei migrate`: brings a database's schema up to date without starting the server. */
export async function migrate(target: DatabaseTarget): Promise<MigrateResult> {
  const db = await openDatabase(target, {
    onBackgroundError: (error) => process.stderr.write(`数据库连接出错：${errorReason(error)}\n`),
  });
  try {
    return { ...(await runMigrations(db)), databaseKind: db.kind };
  } finally {
    await db.close();
  }
}
