import type { FieldStates } from '@core/sync/merge';
import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import type { SyncStateRow } from '../rows/row-types';
import { isLean, serverStatesOf } from './packed-states';
import { type LocalRecord, readLocalRecords } from './record-rows';

/**
 * The server states each row holds, by record id; a lean row takes its values from the record as
 * stored (`records`, read by the caller).
 */
export function statesOfRows(
  rows: readonly (SyncStateRow | undefined)[],
  records: ReadonlyMap<string, LocalRecord>,
): Map<string, FieldStates> {
  const byId = new Map<string, FieldStates>();
  for (const row of rows) {
    if (row !== undefined) byId.set(row.recordId, serverStatesOf(row, records.get(row.recordId)?.record));
  }
  return byId;
}

/**
 * The server states of these records as this PC knows them, by id (no entry: the server knows nothing
 * of the record). Reads a record only for a lean row. Runs inside a transaction over `syncStates` and
 * the record tables.
 */
export async function readKnownServerStates(
  db: YunweiDatabase,
  recordIds: readonly string[],
): Promise<Map<string, FieldStates>> {
  const rows = await db.syncStates.bulkGet([...recordIds]);
  const lean = rows.filter((row): row is SyncStateRow => row !== undefined && isLean(row));
  const records = lean.length === 0 ? new Map<string, LocalRecord>() : await readLocalRecords(db, lean);
  return statesOfRows(rows, records);
}

/** One record's server states as this PC knows them (`{}`: the server knows nothing of it). */
export async function readServerStates(db: YunweiDatabase, recordId: string): Promise<FieldStates> {
  try {
    return await db.transaction(
      'r',
      [db.syncStates, db.tickets, db.inspectionRuns, db.inspectionTemplates],
      async () => (await readKnownServerStates(db, [recordId])).get(recordId) ?? {},
    );
  } catch (error) {
    throw toStoreError(error, '读取同步状态', db.disconnectedReason);
  }
}
