import { errorReason } from '../error-reason';
import type { Database } from './database';
import { runMigrations } from './migrations/run-migrations';
import { type DatabaseTarget, openDatabase } from './open-database';

/**
 * Opens the database for one admin command, brings its schema up to date (an admin may create the
 * first account before the server ever ran), runs the work and closes it again.
 */
export async function withMigratedDatabase<T>(
  target: DatabaseTarget,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(target, {
    onBackgroundError: (error) => process.stderr.write(`数据库连接出错：${errorReason(error)}\n`),
  });
  try {
    await runMigrations(db);
    return await work(db);
  } finally {
    await db.close();
  }
}
