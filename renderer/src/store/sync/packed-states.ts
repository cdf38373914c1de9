import type { RecordType } from '@core/records';
import type { JsonValue } from '@core/sync/json-value';
import { valuesEqual } from '@core/records';
import { type EventBirth, type FieldState, type FieldStates, recordValues } from '@core/sync/merge';
import type { PackedClock, PackedStates, ServerClocks, SyncStateRow } from '../rows/row-types';
import { toJsonValue } from './field-states';

type RecordRef = { readonly recordId: string; readonly recordType: RecordType };

/** A record as its row stores it, read as field values. */
type StoredRecord = object;

export function packStates(states: FieldStates): PackedStates {
  return {
    ...packClocks(states),
    values: Object.fromEntries(Object.entries(states).map(([field, state]) => [field, state.value])),
  };
}

/** The states without their values: the clocks and births alone (ServerClocks). */
function packClocks(states: FieldStates): ServerClocks {
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

/** The states a packed `syncStates` row holds. */
export function unpackStates(packed: PackedStates): FieldStates {
  return statesOf(packed, packed.values);
}

/** The states a record row's clocks describe: the record's own values with those clocks. */
export function unpackClocks(clocks: ServerClocks, record: StoredRecord): FieldStates {
  return statesOf(clocks, recordJsonValues(record));
}

function statesOf(packed: ServerClocks, values: Readonly<Record<string, JsonValue>>): FieldStates {
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
  const all = Object.values(states);
  const first = all[0];
  if (first === undefined) return { hlc: '', rank: 0 };
  let same = 0;
  for (const state of all) if (state.hlc === first.hlc && state.rank === first.rank) same += 1;
  // The usual record (created or last edited by one write): no other clock can be as common.
  if (same * 2 > all.length) return { hlc: first.hlc, rank: first.rank };
  const counts = new Map<string, { clock: PackedClock; count: number }>();
  let best: { clock: PackedClock; count: number } | undefined;
  for (const state of all) {
    const key = `${state.rank}${state.hlc}`;
    const entry = counts.get(key) ?? { clock: { hlc: state.hlc, rank: state.rank }, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
    if (best === undefined || entry.count > best.count) best = entry;
  }
  return best?.clock ?? { hlc: '', rank: 0 };
}
