import type { FieldStates } from '@core/sync/merge';
import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import { isLean, serverStatesOf } from './packed-states';
import { type LocalRecord, readLocalRecords } from './record-rows';

/** One record's server states as this PC knows them (`{}`: the server knows nothing of it). */
export async function readServerStates(db: YunweiDatabase, recordId: string): Promise<FieldStates> {
  try {
    return await db.transaction(
      'r',
      [db.syncStates, db.tickets, db.inspectionRuns, db.inspectionTemplates],
      async () => {
        const row = await db.syncStates.get(recordId);
        if (row === undefined) return {};
        const records = isLean(row) ? await readLocalRecords(db, [row]) : new Map<string, LocalRecord>();
        return serverStatesOf(row, records.get(recordId)?.record);
      },
    );
  } catch (error) {
    throw toStoreError(error, '读取同步状态', db.disconnectedReason);
  }
}
