import type { RecordType } from '@core/records';
import { type FieldStates, mergeWrites } from '@core/sync/merge';
import type { Transaction } from 'dexie';
import { rowsAfterKey } from '../queries/index-queries';
import type { OutboxRow } from '../rows/row-types';
import { beginningStates, inferredKind, opWrites } from '../sync/field-states';

/** A `syncStates` row as versions 3 and 4 stored it (version 5 packs it: upgrade-v5.ts). */
export interface UnpackedStatesRow {
  readonly recordId: string;
  readonly recordType: RecordType;
  readonly server: FieldStates;
}

/** Rows per step: a year of records is upgraded without holding it all in memory. */
const CHUNK = 2_000;

interface RecordTable {
  readonly table: string;
  readonly recordType: RecordType;
  /** The row's primary key, to page on. */
  readonly keyOf: (row: RecordRowShape) => string;
}

interface RecordRowShape {
  readonly id: string;
  readonly key?: string;
  readonly record: { readonly id: string };
}

const RECORD_TABLES: readonly RecordTable[] = [
  { table: 'tickets', recordType: 'ticket', keyOf: (row) => row.id },
  { table: 'inspectionTemplates', recordType: 'inspection_template', keyOf: (row) => row.key ?? row.id },
  { table: 'inspectionRuns', recordType: 'inspection_run', keyOf: (row) => row.id },
];

/**
 * Version 2 → 3: every record gets its field states.
 *
 * Nothing of a version-2 database ever reached a server (there was none), so every save is still in
 * the outbox: replaying the queued ops, oldest first, with the merge rule gives exactly the states
 * the server will compute when they are pushed, with their real HLCs. The known server states are
 * empty; the replay only gives each op the `kind` it needs (a `deleted: false` written over a
 * tombstone is a restore) and the `subsystemId` the push needs.
 *
 * A record with no queued op at all (not made by a save, e.g. written by a tool) gets rank-0 states
 * at HLC 0 as its server states: any real write, from this PC or the server, beats them, which is
 * right for values no write of ours ever claimed.
 */
export async function upgradeToV3(transaction: Transaction): Promise<void> {
  await replayOutbox(transaction);
  for (const table of RECORD_TABLES) await fillUnwrittenRecords(transaction, table);
}

async function replayOutbox(transaction: Transaction): Promise<void> {
  const outbox = transaction.table<OutboxRow, number>('outbox');
  const states = transaction.table<UnpackedStatesRow, string>('syncStates');
  // Each record's states so far, across chunks: a record's ops may span several.
  const replayed = new Map<string, FieldStates>();
  let after = 0;
  for (;;) {
    const ops = await outbox.where(':id').above(after).limit(CHUNK).toArray();
    const last = ops.at(-1);
    if (last === undefined) return;
    const completed = ops.map((op) => {
      const before = replayed.get(op.recordId) ?? {};
      const kind = inferredKind(before, op);
      const local = mergeWrites(op.recordType, before, opWrites(op), kind).states;
      replayed.set(op.recordId, local);
      const subsystemId = op.subsystemId ?? local.subsystemId?.value;
      return { ...op, kind, ...(typeof subsystemId === 'number' ? { subsystemId } : {}) };
    });
    const records = new Map(ops.map((op) => [op.recordId, op.recordType]));
    const rows = [...records].map(([recordId, recordType]) => ({ recordId, recordType, server: {} }));
    await Promise.all([outbox.bulkPut(completed), states.bulkPut(rows)]);
    after = last.seq ?? after;
  }
}

async function fillUnwrittenRecords(transaction: Transaction, recordTable: RecordTable): Promise<void> {
  const table = transaction.table<RecordRowShape, string>(recordTable.table);
  const states = transaction.table<UnpackedStatesRow, string>('syncStates');
  const { recordType } = recordTable;
  let after: string | null = null;
  for (;;) {
    const rows: RecordRowShape[] = await rowsAfterKey(table, after, CHUNK);
    const last: RecordRowShape | undefined = rows.at(-1);
    if (last === undefined) return;
    const existing = await states.bulkGet(rows.map((row) => row.record.id));
    const missing = rows.filter((_, index) => existing[index] === undefined);
    await states.bulkPut(
      missing.map((row) => ({
        recordId: row.record.id,
        recordType,
        server: beginningStates(row.record),
      })),
    );
    after = recordTable.keyOf(last);
  }
}
