import { loadStoredCalendar } from '../calendar/calendar-notices';
import { StoreError } from '../errors/store-error';
import { VERSION_MESSAGE, toStoreError } from '../errors/to-store-error';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { userDatabaseName } from './database-name';
import type { StoreNoticeListener } from './store-notices';
import { YunweiDatabase, type YunweiDatabaseOptions } from './yunwei-database';

export interface OpenUserDatabaseOptions extends YunweiDatabaseOptions {
  readonly serverKey?: string;
  /** Hears notices from the start, so a `blocked` upgrade is reported while the open still waits. */
  readonly onNotice?: StoreNoticeListener;
}

/**
 * Opens (creating or upgrading as needed) the database of one user. Rejects with a StoreError whose
 * message says what to do: a newer window owns a newer schema, IndexedDB is unavailable, the disk is
 * full. While another window blocks an upgrade the promise waits and `onNotice` hears a `blocked`
 * notice for the UI.
 */
export async function openUserDatabase(
  userId: string,
  options: OpenUserDatabaseOptions = {},
): Promise<YunweiDatabase> {
  const db = new YunweiDatabase(userDatabaseName(userId, options.serverKey), options);
  if (options.onNotice !== undefined) db.onNotice(options.onNotice);
  try {
    await db.open();
  } catch (error) {
    db.close();
    throw toStoreError(error, '打开本地数据库', db.disconnectedReason);
  }
  // Dexie opens a database of a higher version as it is, but rows a newer app wrote may carry
  // fields this code does not maintain: writing them from here could leave them inconsistent.
  if (Math.floor(db.backendDB().version / 10) > CURRENT_SCHEMA_VERSION) {
    db.close();
    throw new StoreError('version', VERSION_MESSAGE);
  }
  await loadStoredCalendar(db);
  return db;
}
