import type { Table, Transaction } from 'dexie';
import type { RecordType } from '@core/records';
import { rowsAfterKey } from '../queries/index-queries';
import type { PackedStates } from '@core/sync/packed-states';
import type { InspectionTemplateRow, ServerClocks } from '../rows/row-types';

/** Rows per step: a year of records is upgraded without holding it all in memory. */
const CHUNK = 2_000;

/** A `syncStates` row as version 5 stored it: lean (no values) when the record row held them. */
interface V5StatesRow {
  readonly recordId: string;
  readonly recordType: RecordType;
  readonly packed: ServerClocks & Partial<Pick<PackedStates, 'values'>>;
}

interface RecordRow {
  readonly id: string;
  readonly serverClocks?: ServerClocks;
}

/**
 * Version 5 → 6: a lean `syncStates` row (clocks only; its values were the record's own) moves into
 * its record's row as `serverClocks` (rows/row-types.ts), so that every `syncStates` row is full. A
 * lean row whose record is gone is dropped: it holds no values, could not be read, and the record's
 * next pull brings its states whole.
 */
export async function upgradeToV6(transaction: Transaction): Promise<void> {
  const states = transaction.table<V5StatesRow, string>('syncStates');
  const tables: RecordTables = {
    tickets: transaction.table('tickets'),
    runs: transaction.table('inspectionRuns'),
    templates: transaction.table('inspectionTemplates'),
  };
  let after: string | null = null;
  for (;;) {
    const rows: V5StatesRow[] = await rowsAfterKey(states, after, CHUNK);
    const last = rows.at(-1);
    if (last === undefined) return;
    const lean = rows.filter((row) => row.packed.values === undefined);
    await Promise.all([moveIntoRecordRows(tables, lean), states.bulkDelete(lean.map((row) => row.recordId))]);
    after = last.recordId;
  }
}

interface RecordTables {
  readonly tickets: Table<RecordRow, string>;
  readonly runs: Table<RecordRow, string>;
  /** Keyed by `<templateId>@<version>`; found by their `id` index. */
  readonly templates: Table<InspectionTemplateRow, string>;
}

async function moveIntoRecordRows(tables: RecordTables, lean: readonly V5StatesRow[]): Promise<void> {
  const clocksOf = new Map(lean.map((row) => [row.recordId, row.packed]));
  const idsOf = (type: RecordType) =>
    lean.filter((row) => row.recordType === type).map((row) => row.recordId);
  const [tickets, runs, templates] = await Promise.all([
    tables.tickets.bulkGet(idsOf('ticket')),
    tables.runs.bulkGet(idsOf('inspection_run')),
    tables.templates.where('id').anyOf(idsOf('inspection_template')).toArray(),
  ]);
  const withClocks = <Row extends RecordRow>(rows: readonly (Row | undefined)[]): Row[] =>
    rows.flatMap((row) => {
      const clocks = row === undefined ? undefined : clocksOf.get(row.id);
      return row === undefined || clocks === undefined ? [] : [{ ...row, serverClocks: clocks }];
    });
  await Promise.all([
    tables.tickets.bulkPut(withClocks(tickets)),
    tables.runs.bulkPut(withClocks(runs)),
    tables.templates.bulkPut(withClocks(templates)),
  ]);
}
