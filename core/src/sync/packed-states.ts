import { z } from 'zod';
import { encodedHlcSchema } from './changes';
import { type JsonValue, parsedJsonValueSchema } from './json-value';
import type { EventBirth, FieldState, FieldStates } from './merge';
import { ownEntry, setEntry } from './text-keyed';

/*
 * A record's field states, packed: the clock most fields share once, only the clocks that differ, and
 * the values apart. Field by field, the states of a ticket take three times the bytes of the ticket
 * itself (each field repeats the same HLC and rank, each event its birth HLC), while almost every
 * field of a record shares one clock (it was created or last edited by one write). The pull sends
 * records this way (docs/sync-protocol.md §5) and the client stores them this way.
 */

export const packedClockSchema = z.strictObject({
  hlc: encodedHlcSchema,
  rank: z.union([z.literal(0), z.literal(1)]),
});
export type PackedClock = z.infer<typeof packedClockSchema>;

const eventBirthSchema = z.strictObject({ hlc: encodedHlcSchema, index: z.number().int().min(0) });

export const packedClocksSchema = z.strictObject({
  /** The clock most fields share. */
  hlc: encodedHlcSchema,
  rank: packedClockSchema.shape.rank,
  /** The fields whose clock is not the shared one. */
  clocks: z.record(z.string().min(1), packedClockSchema).optional(),
  /**
   * Per field that has them (a ticket's `events`), each event's birth: its index alone when the write
   * that first carried it has the shared HLC, else the whole birth.
   */
  births: z
    .record(
      z.string().min(1),
      z.record(z.string().min(1), z.union([z.number().int().min(0), eventBirthSchema])),
    )
    .optional(),
});

/** The states without their values: the clocks and births alone. */
export interface PackedClocks {
  /** The clock most fields share ('' when the record has no fields). */
  readonly hlc: string;
  readonly rank: 0 | 1;
  readonly clocks?: Readonly<Record<string, PackedClock>>;
  readonly births?: Readonly<Record<string, Readonly<Record<string, EventBirth | number>>>>;
}

export const packedStatesSchema = packedClocksSchema.extend({
  /** Every field's value: the record as the states describe it. */
  values: z.record(z.string().min(1), parsedJsonValueSchema),
});

export interface PackedStates extends PackedClocks {
  readonly values: Readonly<Record<string, JsonValue>>;
}

export function packStates(states: FieldStates): PackedStates {
  const values: Record<string, JsonValue> = {};
  for (const [field, state] of Object.entries(states)) setEntry(values, field, state.value);
  return { ...packClocks(states), values };
}

export function packClocks(states: FieldStates): PackedClocks {
  const shared = sharedClock(states);
  const clocks: Record<string, PackedClock> = {};
  const births: Record<string, Record<string, EventBirth | number>> = {};
  for (const [field, state] of Object.entries(states)) {
    if (state.hlc !== shared.hlc || state.rank !== shared.rank) {
      setEntry(clocks, field, { hlc: state.hlc, rank: state.rank });
    }
    if (state.births !== undefined) {
      const packedBirths: Record<string, EventBirth | number> = {};
      for (const [eventId, birth] of Object.entries(state.births)) {
        setEntry(
          packedBirths,
          eventId,
          birth.hlc === shared.hlc ? birth.index : { hlc: birth.hlc, index: birth.index },
        );
      }
      setEntry(births, field, packedBirths);
    }
  }
  return {
    hlc: shared.hlc,
    rank: shared.rank,
    ...(Object.keys(clocks).length === 0 ? {} : { clocks }),
    ...(Object.keys(births).length === 0 ? {} : { births }),
  };
}

/** The states packed states hold. */
export function unpackStates(packed: PackedStates): FieldStates {
  return statesWithValues(packed, packed.values);
}

/** The states that `clocks` give these values (one per field of `values`). */
export function statesWithValues(
  packed: PackedClocks,
  values: Readonly<Record<string, JsonValue>>,
): FieldStates {
  const states: Record<string, FieldState> = {};
  for (const [field, value] of Object.entries(values)) {
    const clock = ownEntry(packed.clocks, field) ?? packed;
    const packedBirths = ownEntry(packed.births, field);
    setEntry(
      states,
      field,
      packedBirths === undefined
        ? { value, hlc: clock.hlc, rank: clock.rank }
        : { value, hlc: clock.hlc, rank: clock.rank, births: unpackBirths(packedBirths, packed.hlc) },
    );
  }
  return states;
}

function unpackBirths(
  packed: Readonly<Record<string, EventBirth | number>>,
  sharedHlc: string,
): Record<string, EventBirth> {
  const births: Record<string, EventBirth> = {};
  for (const [eventId, birth] of Object.entries(packed)) {
    setEntry(births, eventId, typeof birth === 'number' ? { hlc: sharedHlc, index: birth } : birth);
  }
  return births;
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
