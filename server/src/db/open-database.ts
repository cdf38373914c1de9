import { join, resolve } from 'node:path';
import type { Database } from './database';
import { lockDataDir } from './data-dir-lock';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

/**
 * Where the data lives: the PostgreSQL server at `databaseUrl` when one is given, otherwise the
 * embedded engine in `dataDir`.
 */
export interface DatabaseTarget {
  databaseUrl?: string;
  dataDir?: string;
}

export interface OpenDatabaseOptions {
  /** See PostgresOptions.onBackgroundError. */
  onBackgroundError: (error: Error) => void;
}

/** The embedded engine's files, inside the server's data directory (which may hold more later). */
export const PGLITE_SUBDIRECTORY = 'pgdata';

export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions): Promise<Database> {
  if (target.databaseUrl !== undefined) return openPostgresDatabase(target.databaseUrl, options);
  if (target.dataDir === undefined) throw new Error('未指定数据库：需要 PostgreSQL 地址或数据目录');

  const dataDir = resolve(target.dataDir);
  const lock = await lockDataDir(dataDir);
  let db: Database;
  try {
    db = await openPgliteDatabase(join(dataDir, PGLITE_SUBDIRECTORY));
  } catch (error) {
    await lock.release();
    throw error;
  }
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        await lock.release();
      }
    },
  };
}
