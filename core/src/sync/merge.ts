import type { RecordType } from '../records/record-envelope';
import { recordKind } from '../records/record-kinds';
import { decodeHlc } from './hlc';
import { type JsonValue, canonicalJson } from './json-value';
import { ownEntry, setEntry } from './text-keyed';

/**
 * The field merge, one rule for server and client (docs/sync-protocol.md, "The merge rule"). Every
 * rule here is a maximum (or minimum) over a total order of the writes, so the state a set of writes
 * produces does not depend on the order they arrive in, nor on how often each arrives.
 *
 * - Ordinary fields: the write with the greatest (rank, HLC, canonical JSON of the value) wins.
 * - `deleted`: a delete (`true`) and an explicit restore (`false` in a `restore` op) have rank 1; the
 *   `false` a new record is created with has rank 0. So a delete beats every concurrent edit and every
 *   creation whatever their clocks, and only a restore with a later HLC than the delete undoes it.
 * - A timeline field (a ticket's `events`, as the type's registration in records/record-kinds.ts says): the union by event id (an event's content is taken from the earliest write
 *   that carried it), ordered `created` first, then by `at`, then by the write that first carried
 *   each event (its HLC, then its position in that write), then by id. Two PCs' timelines both survive.
 * - Derived fields are computed, never taken from a write: every record's `updatedAt` is the wall time
 *   of its latest field HLC; the registration's derived fields (a ticket's `status` is
 *   `statusFromEvents(events)`) are computed from their source field and carry its HLC.
 */

export type WriteKind = 'change' | 'restore';

export interface FieldWriteInput {
  readonly field: string;
  readonly value: JsonValue;
  /** Encoded HLC (`encodeHlc`). */
  readonly hlc: string;
}

/** For each event of a ticket's timeline, the earliest write that carried it. */
export interface EventBirth {
  readonly hlc: string;
  readonly index: number;
}

export interface FieldState {
  readonly value: JsonValue;
  readonly hlc: string;
  readonly rank: 0 | 1;
  /** A ticket's `events` only: event id → the write that first carried it. */
  readonly births?: Readonly<Record<string, EventBirth>>;
}

export type FieldStates = Readonly<Record<string, FieldState>>;

/**
 * What became of one write, as the change log keeps it: `applied` (it is the field's value now),
 * `superseded` (a greater write was already there: the loser, kept in history), `merged` (its events
 * joined the timeline), `derived` (the field is computed; the write is history only).
 */
export type WriteOutcome = 'applied' | 'superseded' | 'merged' | 'derived';

export const DELETED_FIELD = 'deleted';
export const UPDATED_AT_FIELD = 'updatedAt';

export function isDerivedField(recordType: RecordType, field: string): boolean {
  return (
    field === UPDATED_AT_FIELD || recordKind(recordType).derived.some((derived) => derived.field === field)
  );
}

function isTimelineField(recordType: RecordType, field: string): boolean {
  return recordKind(recordType).timelines.includes(field);
}

/** 1 for a delete or an explicit restore of `deleted`, 0 for every other write. */
export function writeRank(field: string, value: JsonValue, kind: WriteKind): 0 | 1 {
  if (field !== DELETED_FIELD) return 0;
  return value === true || kind === 'restore' ? 1 : 0;
}

/** The total order of competing values of one field: rank, then HLC, then the value's canonical JSON. */
export function compareFieldValues(
  a: Pick<FieldState, 'rank' | 'hlc' | 'value'>,
  b: Pick<FieldState, 'rank' | 'hlc' | 'value'>,
): -1 | 0 | 1 {
  if (a.rank !== b.rank) return a.rank < b.rank ? -1 : 1;
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  return compareText(canonicalJson(a.value), canonicalJson(b.value));
}

/** Merges one write into the field's state. */
export function mergeFieldWrite(
  recordType: RecordType,
  current: FieldState | undefined,
  write: FieldWriteInput,
  kind: WriteKind,
): { readonly state: FieldState | undefined; readonly outcome: WriteOutcome } {
  if (isDerivedField(recordType, write.field)) return { state: current, outcome: 'derived' };
  if (isTimelineField(recordType, write.field)) {
    return { state: mergeEvents(current, eventsStateOfWrite(write)), outcome: 'merged' };
  }
  const incoming: FieldState = {
    value: write.value,
    hlc: write.hlc,
    rank: writeRank(write.field, write.value, kind),
  };
  if (current === undefined || compareFieldValues(incoming, current) >= 0) {
    return { state: incoming, outcome: 'applied' };
  }
  return { state: current, outcome: 'superseded' };
}

/**
 * Merges a field state received from elsewhere (a pull) into the local one: the same rule as for
 * writes, since a state is the winner of the writes behind it. Derived fields are recomputed by
 * `deriveFields` afterwards, so they are left as they are here.
 */
export function mergeFieldState(
  recordType: RecordType,
  field: string,
  current: FieldState | undefined,
  incoming: FieldState,
): FieldState | undefined {
  if (isDerivedField(recordType, field)) return current;
  if (isTimelineField(recordType, field)) return mergeEvents(current, incoming);
  return current === undefined || compareFieldValues(incoming, current) >= 0 ? incoming : current;
}

/** Merges pulled field states into a record's local states, then recomputes the derived fields. */
export function mergeStates(
  recordType: RecordType,
  states: FieldStates,
  incoming: Readonly<Record<string, FieldState>>,
): FieldStates {
  const next: Record<string, FieldState> = { ...states };
  for (const [field, state] of Object.entries(incoming)) {
    const merged = mergeFieldState(recordType, field, ownEntry(next, field), state);
    if (merged !== undefined) setEntry(next, field, merged);
  }
  return deriveFields(recordType, next);
}

/** Merges the writes of one op into a record's field states, then recomputes the derived fields. */
export function mergeWrites(
  recordType: RecordType,
  states: FieldStates,
  writes: readonly FieldWriteInput[],
  kind: WriteKind,
): { readonly states: FieldStates; readonly outcomes: readonly WriteOutcome[] } {
  const next: Record<string, FieldState> = { ...states };
  const outcomes = writes.map((write) => {
    const { state, outcome } = mergeFieldWrite(recordType, ownEntry(next, write.field), write, kind);
    if (state !== undefined) setEntry(next, write.field, state);
    return outcome;
  });
  return { states: deriveFields(recordType, next), outcomes };
}

/** Sets the derived fields from the others. */
export function deriveFields(recordType: RecordType, states: FieldStates): FieldStates {
  const next: Record<string, FieldState> = { ...states };
  const sources = Object.entries(states).filter(([field]) => !isDerivedField(recordType, field));
  if (sources.length === 0) return next;
  const latest = sources.map(([, state]) => state.hlc).reduce((a, b) => (b > a ? b : a));
  next[UPDATED_AT_FIELD] = { value: decodeHlc(latest).wallMs, hlc: latest, rank: 0 };
  for (const derived of recordKind(recordType).derived) {
    const source = ownEntry(states, derived.from);
    const value = source === undefined ? undefined : derived.compute(source.value);
    if (source !== undefined && value !== undefined)
      setEntry(next, derived.field, { value, hlc: source.hlc, rank: 0 });
  }
  return next;
}

/** The record the states describe: field → value. */
export function recordValues(states: FieldStates): Record<string, JsonValue> {
  return Object.fromEntries(Object.entries(states).map(([field, state]) => [field, state.value]));
}

interface TimelineEvent {
  readonly id: string;
  readonly kind: string;
  readonly at: number;
  readonly [key: string]: JsonValue;
}

/** A write's events, each born with this write at its position in it. */
function eventsStateOfWrite(write: FieldWriteInput): FieldState {
  const births = Object.fromEntries(
    timeline(write.value, 'incoming').map((event, index) => [event.id, { hlc: write.hlc, index }]),
  );
  return { value: write.value, hlc: write.hlc, rank: 0, births };
}

function mergeEvents(current: FieldState | undefined, incoming: FieldState): FieldState {
  const known = new Map<string, TimelineEntry>();
  for (const state of current === undefined ? [incoming] : [current, incoming]) {
    timeline(state.value, state === incoming ? 'incoming' : 'current').forEach((event, index) => {
      const candidate = { event, birth: ownEntry(state.births, event.id) ?? { hlc: state.hlc, index } };
      const existing = known.get(event.id);
      if (existing === undefined || compareBirths(candidate, existing) < 0) known.set(event.id, candidate);
    });
  }
  const entries = [...known.values()].sort(compareTimelineEntries);
  const hlc = current === undefined || incoming.hlc > current.hlc ? incoming.hlc : current.hlc;
  return {
    value: entries.map((entry) => entry.event),
    hlc,
    rank: 0,
    births: Object.fromEntries(entries.map((entry) => [entry.event.id, entry.birth])),
  };
}

/** The events of a timeline value; the caller validated it, so anything else is a programming error. */
function timeline(value: JsonValue, what: string): TimelineEvent[] {
  if (!Array.isArray(value)) throw new TypeError(`工单处理记录（${what}）应为数组`);
  return value.map((event, index) => {
    if (
      event === null ||
      typeof event !== 'object' ||
      Array.isArray(event) ||
      typeof event.id !== 'string' ||
      typeof event.kind !== 'string' ||
      typeof event.at !== 'number'
    ) {
      throw new TypeError(`工单处理记录（${what}）第 ${index + 1} 条缺少 id、kind 或 at`);
    }
    return event as TimelineEvent;
  });
}

type TimelineEntry = { readonly event: TimelineEvent; readonly birth: EventBirth };

function compareBirths(a: TimelineEntry, b: TimelineEntry): number {
  if (a.birth.hlc !== b.birth.hlc) return a.birth.hlc < b.birth.hlc ? -1 : 1;
  if (a.birth.index !== b.birth.index) return a.birth.index - b.birth.index;
  return compareText(canonicalJson(a.event), canonicalJson(b.event));
}

function compareTimelineEntries(a: TimelineEntry, b: TimelineEntry): number {
  const aCreated = a.event.kind === 'created' ? 0 : 1;
  const bCreated = b.event.kind === 'created' ? 0 : 1;
  if (aCreated !== bCreated) return aCreated - bCreated;
  if (a.event.at !== b.event.at) return a.event.at - b.event.at;
  if (a.birth.hlc !== b.birth.hlc) return a.birth.hlc < b.birth.hlc ? -1 : 1;
  if (a.birth.index !== b.birth.index) return a.birth.index - b.birth.index;
  return compareText(a.event.id, b.event.id);
}

function compareText(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
