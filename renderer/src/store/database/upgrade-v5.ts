import type { Transaction } from 'dexie';
import { rowsAfterKey } from '../queries/index-queries';
import type { SyncStateRow } from '../rows/row-types';
import { syncStateRow } from '../sync/packed-states';
import type { UnpackedStatesRow } from './upgrade-v3';

/** Rows per step: a year of records is upgraded without holding it all in memory. */
const CHUNK = 2_000;

/** Version 4 → 5: every record's server states are packed (sync/packed-states.ts), nothing else changes. */
export async function upgradeToV5(transaction: Transaction): Promise<void> {
  const unpacked = transaction.table<UnpackedStatesRow, string>('syncStates');
  const packed = transaction.table<SyncStateRow, string>('syncStates');
  let after: string | null = null;
  for (;;) {
    const rows: UnpackedStatesRow[] = await rowsAfterKey(unpacked, after, CHUNK);
    const last = rows.at(-1);
    if (last === undefined) return;
    await packed.bulkPut(rows.map((row) => syncStateRow(row, row.server)));
    after = last.recordId;
  }
}
