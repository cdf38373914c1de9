import type { RecordType } from '@core/records';
import type { JsonValue } from '@core/sync/json-value';
import { valuesEqual } from '@core/records';
import { type FieldStates, recordValues } from '@core/sync/merge';
import { packClocks, packStates, statesWithValues } from '@core/sync/packed-states';
import type { ServerClocks, SyncStateRow } from '../rows/row-types';
import { toJsonValue } from './field-states';

/*
 * Server states as this PC stores them, packed (core sync/packed-states.ts): whole in a `syncStates`
 * row, or the clocks alone in the record's own row (rows/row-types.ts ServerClocks).
 */

type RecordRef = { readonly recordId: string; readonly recordType: RecordType };

/** A record as its row stores it, read as field values. */
type StoredRecord = object;

/** The states a record row's clocks describe: the record's own values with those clocks. */
export function unpackClocks(clocks: ServerClocks, record: StoredRecord): FieldStates {
  return statesWithValues(clocks, recordJsonValues(record));
}

export function syncStateRow(ref: RecordRef, states: FieldStates): SyncStateRow {
  return { recordId: ref.recordId, recordType: ref.recordType, packed: packStates(states) };
}

/**
 * The clocks a pull may keep in the row of a record it showed (ServerClocks): when nothing is pending
 * for the record and the record shown is exactly the server's states (an initial sync: every record).
 * Undefined otherwise: the states need a `syncStates` row.
 */
export function rowClocks(
  states: FieldStates,
  shown: StoredRecord,
  pendingOps: number,
): ServerClocks | undefined {
  if (pendingOps > 0 || !valuesEqual(shown, recordValues(states))) return undefined;
  return packClocks(states);
}

function recordJsonValues(record: StoredRecord): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(record).map(([field, value]) => [field, toJsonValue(value)]));
}
