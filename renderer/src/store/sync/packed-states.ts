import type { RecordType } from '@core/records';
import type { JsonValue } from '@core/sync/json-value';
import type { EventBirth, FieldState, FieldStates } from '@core/sync/merge';
import type { PackedClock, PackedStates, SyncStateRow } from '../rows/row-types';

export function packStates(states: FieldStates): PackedStates {
  const shared = sharedClock(states);
  const values: Record<string, JsonValue> = {};
  const clocks: Record<string, PackedClock> = {};
  const births: Record<string, Record<string, EventBirth | number>> = {};
  for (const [field, state] of Object.entries(states)) {
    values[field] = state.value;
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
    values,
    ...(Object.keys(clocks).length === 0 ? {} : { clocks }),
    ...(Object.keys(births).length === 0 ? {} : { births }),
  };
}

export function unpackStates(packed: PackedStates): FieldStates {
  const states: Record<string, FieldState> = {};
  for (const [field, value] of Object.entries(packed.values)) {
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

export function syncStateRow(
  ref: { readonly recordId: string; readonly recordType: RecordType },
  states: FieldStates,
): SyncStateRow {
  return { recordId: ref.recordId, recordType: ref.recordType, packed: packStates(states) };
}

/** The server states a row holds; none (`{}`) for no row: the server knows nothing of the record. */
export function serverStatesOf(row: SyncStateRow | undefined): FieldStates {
  return row === undefined ? {} : unpackStates(row.packed);
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
