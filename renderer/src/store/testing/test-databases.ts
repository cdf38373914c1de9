import { afterEach } from 'vitest';
import { YunweiDatabase } from '../database/yunwei-database';

/**
 * Databases for one test file, each under a name of its own, all deleted after every test. Call at
 * the top of the file: it registers the `afterEach`.
 */
export function testDatabases(prefix: string): {
  /** A new, opened database. */
  readonly fresh: () => Promise<YunweiDatabase>;
  /** Deletes `db` (opened elsewhere, e.g. after an upgrade) with the others. */
  readonly keep: (db: YunweiDatabase) => YunweiDatabase;
  /** Deletes every database so far (a property test's run, before the next one). */
  readonly deleteAll: () => Promise<void>;
} {
  const opened: YunweiDatabase[] = [];
  let counter = 0;
  const deleteAll = async () => {
    for (const db of opened.splice(0)) await db.delete();
  };
  afterEach(deleteAll);
  return {
    deleteAll,
    fresh: async () => {
      counter += 1;
      const db = new YunweiDatabase(`yunwei-test-${prefix}-${counter}-${Date.now()}`);
      opened.push(db);
      await db.open();
      return db;
    },
    keep: (db) => {
      opened.push(db);
      return db;
    },
  };
}
