import type { RecordType } from '@core/records';
import type { JsonValue } from '@core/sync/json-value';
import { valuesEqual } from '@core/records';
import { type EventBirth, type FieldState, type FieldStates, recordValues } from '@core/sync/merge';
import type { PackedClock, PackedStates, SyncStateRow } from '../rows/row-types';
import { toJsonValue } from './field-states';

type RecordRef = { readonly recordId: string; readonly recordType: RecordType };

/** A record as its row stores it, read as field values. */
type StoredRecord = object;

export function packStates(states: FieldStates): PackedStates {
  return {
    ...leanStates(states),
    values: Object.fromEntries(Object.entries(states).map(([field, state]) => [field, state.value])),
  };
}

/** The states without their values: the clocks and births alone (see PackedStates on lean rows). */
function leanStates(states: FieldStates): PackedStates {
  const shared = sharedClock(states);
  const clocks: Record<string, PackedClock> = {};
  const births: Record<string, Record<string, EventBirth | number>> = {};
  for (const [field, state] of Object.entries(states)) {
    if (state.hlc !== shared.hlc || state.rank !== shared.rank) {
      clocks[field] = { hlc: state.hlc, rank: state.rank };
    }
    if (state.births !== undefined) {
      const packedBirths: Record<string, EventBirth | number> = {};
      for (const [eventId, birth] of Object.entries(state.births)) {
        packedBirths[eventId] =
          birth.hlc === shared.hlc ? birth.index : { hlc: birth.hlc, index: birth.index };
      }
      births[field] = packedBirths;
    }
  }
  return {
    hlc: shared.hlc,
    rank: shared.rank,
    ...(Object.keys(clocks).length === 0 ? {} : { clocks }),
    ...(Object.keys(births).length === 0 ? {} : { births }),
  };
}

/**
 * The states a packed row holds. A lean row takes its values from `record`, the record its row
 * stores now (which, while the row is lean, is the server's version).
 */
export function unpackStates(packed: PackedStates, record?: StoredRecord): FieldStates {
  const values = packed.values ?? (record === undefined ? undefined : recordJsonValues(record));
  if (values === undefined) throw new Error('同步状态只有时钟，却没有对应的本机记录可取值');
  const states: Record<string, FieldState> = {};
  for (const [field, value] of Object.entries(values)) {
    const clock = ownEntry(packed.clocks, field) ?? packed;
    const packedBirths = ownEntry(packed.births, field);
    states[field] = {
      value,
      hlc: clock.hlc,
      rank: clock.rank,
      ...(packedBirths === undefined ? {} : { births: unpackBirths(packedBirths, packed.hlc) }),
    };
  }
  return states;
}

/** A full row: the states with their values. */
export function syncStateRow(ref: RecordRef, states: FieldStates): SyncStateRow {
  return { recordId: ref.recordId, recordType: ref.recordType, packed: packStates(states) };
}

/**
 * The row a pull writes for a record it showed: lean when nothing is pending for the record and the
 * record shown is exactly the server's states (an initial sync: every record), else full.
 */
export function pulledStateRow(
  ref: RecordRef,
  states: FieldStates,
  shown: StoredRecord,
  pendingOps: number,
): SyncStateRow {
  if (pendingOps > 0 || !recordHoldsValues(shown, states)) return syncStateRow(ref, states);
  return { recordId: ref.recordId, recordType: ref.recordType, packed: leanStates(states) };
}

export function isLean(row: SyncStateRow): boolean {
  return row.packed.values === undefined;
}

/**
 * The server states a row holds; none (`{}`) for no row: the server knows nothing of the record. A
 * lean row needs the record its row stores now.
 */
export function serverStatesOf(row: SyncStateRow | undefined, record?: StoredRecord): FieldStates {
  return row === undefined ? {} : unpackStates(row.packed, record);
}

function recordJsonValues(record: StoredRecord): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(record).map(([field, value]) => [field, toJsonValue(value)]));
}

/** Whether the record has exactly the states' fields, each with the same value. */
function recordHoldsValues(record: StoredRecord, states: FieldStates): boolean {
  return valuesEqual(record, recordValues(states));
}

function unpackBirths(
  packed: Readonly<Record<string, EventBirth | number>>,
  sharedHlc: string,
): Record<string, EventBirth> {
  const births: Record<string, EventBirth> = {};
  for (const [eventId, birth] of Object.entries(packed)) {
    births[eventId] = typeof birth === 'number' ? { hlc: sharedHlc, index: birth } : birth;
  }
  return births;
}

/** A map's own entry: a field named like an Object.prototype member (`toString`) is not inherited. */
function ownEntry<Value>(map: Readonly<Record<string, Value>> | undefined, key: string): Value | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** The (HLC, rank) pair most fields have. */
function sharedClock(states: FieldStates): PackedClock {
  const counts = new Map<string, { clock: PackedClock; count: number }>();
  let best: { clock: PackedClock; count: number } | undefined;
  for (const state of Object.values(states)) {
    const key = `${state.rank}${state.hlc}`;
    const entry = counts.get(key) ?? { clock: { hlc: state.hlc, rank: state.rank }, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
    if (best === undefined || entry.count > best.count) best = entry;
  }
  return best?.clock ?? { hlc: '', rank: 0 };
}
