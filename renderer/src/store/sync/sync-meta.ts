import type { YunweiDatabase } from '../database/yunwei-database';
import { readClock, writeClock } from '../database/clock';
import type { SyncMetaRow } from '../rows/row-types';
import { toStoreError } from '../errors/to-store-error';

export const SYNC_META_KEY = 'sync';

/**
 * The database's sync bookkeeping, created on first use: the client id is the HLC node id (one per
 * database, hence per user and PC, as the protocol asks), so the clock is created with it if no save
 * has created it yet.
 */
export async function readSyncMeta(db: YunweiDatabase): Promise<SyncMetaRow> {
  try {
    return await db.transaction('rw', db.meta, db.syncMeta, async () => {
      const stored = await db.syncMeta.get(SYNC_META_KEY);
      if (stored !== undefined) return stored;
      const clock = await readClock(db);
      const created: SyncMetaRow = { key: SYNC_META_KEY, clientId: clock.nodeId, cursor: null, lastSeq: 0 };
      await Promise.all([writeClock(db, clock), db.syncMeta.put(created)]);
      return created;
    });
  } catch (error) {
    throw toStoreError(error, '读取同步信息', db.disconnectedReason);
  }
}

/** Inside a sync transaction: the meta row, which readSyncMeta created before any sync began. */
export async function syncMetaInTransaction(db: YunweiDatabase): Promise<SyncMetaRow> {
  const meta = await db.syncMeta.get(SYNC_META_KEY);
  if (meta === undefined) throw new RangeError('本地数据库还没有同步信息（应先调用 readSyncMeta）');
  return meta;
}
