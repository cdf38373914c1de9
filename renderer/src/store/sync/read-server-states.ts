import type { FieldStates } from '@core/sync/merge';
import { RECORD_TYPES } from '@core/records';
import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import { recordTables } from '../save/record-tables';
import type { SyncStateRow } from '../rows/row-types';
import { unpackStates } from '@core/sync/packed-states';
import { unpackClocks } from './packed-states';
import { type LocalRecord, type RecordRef, readLocalRecords } from './record-rows';

/**
 * One record's server states as this PC knows them (row-types.ts SyncStateRow): its `syncStates` row,
 * or the clocks its record row holds with the record's values, or none (`{}`: the server knows nothing
 * of the record).
 */
export function serverStatesOf(row: SyncStateRow | undefined, local: LocalRecord | undefined): FieldStates {
  if (row !== undefined) return unpackStates(row.packed);
  if (local?.serverClocks !== undefined) return unpackClocks(local.serverClocks, local.record);
  return {};
}

/**
 * The server states of these records as this PC knows them, by id. Reads a record's row only when
 * it has no `syncStates` row. Runs inside a transaction over `syncStates` and the record tables.
 */
export async function readKnownServerStates(
  db: YunweiDatabase,
  refs: readonly RecordRef[],
): Promise<Map<string, FieldStates>> {
  const rows = await db.syncStates.bulkGet(refs.map((ref) => ref.recordId));
  const withoutRow = refs.filter((_, index) => rows[index] === undefined);
  const records =
    withoutRow.length === 0 ? new Map<string, LocalRecord>() : await readLocalRecords(db, withoutRow);
  return new Map(
    refs.map((ref, index) => [ref.recordId, serverStatesOf(rows[index], records.get(ref.recordId))]),
  );
}

/** One record's server states as this PC knows them, whatever its type (`{}`: the server knows nothing of it). */
export async function readServerStates(db: YunweiDatabase, recordId: string): Promise<FieldStates> {
  try {
    return await db.transaction('r', [db.syncStates, ...recordTables(db)], async () => {
      const refs = RECORD_TYPES.map((recordType) => ({
        recordType,
        recordId,
      }));
      const [row, records] = await Promise.all([db.syncStates.get(recordId), readLocalRecords(db, refs)]);
      return serverStatesOf(row, records.get(recordId));
    });
  } catch (error) {
    throw toStoreError(error, '读取同步状态', db.disconnectedReason);
  }
}
