import type { RecordType } from '@core/records';
import { encodeHlc } from '@core/sync';
import type { JsonValue } from '@core/sync/json-value';
import {
  DELETED_FIELD,
  type FieldStates,
  type FieldWriteInput,
  type WriteKind,
  mergeWrites,
} from '@core/sync/merge';
import type { OutboxRow } from '../rows/row-types';

/** The clock of a write that any real write beats: wall time 0, counter 0. */
export const BEGINNING_OF_TIME_HLC = encodeHlc({ wallMs: 0, counter: 0, nodeId: '0000000000' });

/**
 * A value as it travels: JSON, so a nested `undefined` (an optional key left unset) disappears the
 * way it does on the wire, and a top-level `undefined` becomes `null`.
 */
export function toJsonValue(value: unknown): JsonValue {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}

export function opKind(op: Pick<OutboxRow, 'kind'>): WriteKind {
  return op.kind ?? 'change';
}

export function opWrites(op: Pick<OutboxRow, 'fields'>): FieldWriteInput[] {
  return op.fields.map((write) => ({ field: write.field, value: toJsonValue(write.value), hlc: write.hlc }));
}

/** Merges local ops (oldest first) into states, as the server will merge them when they arrive. */
export function replayOps(
  recordType: RecordType,
  states: FieldStates,
  ops: readonly Pick<OutboxRow, 'kind' | 'fields'>[],
): FieldStates {
  return ops.reduce(
    (current, op) => mergeWrites(recordType, current, opWrites(op), opKind(op)).states,
    states,
  );
}

/** The kind an op needs when it was queued without one: a write of `deleted: false` over a tombstone restores. */
export function inferredKind(states: FieldStates, op: Pick<OutboxRow, 'kind' | 'fields'>): WriteKind {
  if (op.kind !== undefined) return op.kind;
  const undeletes = op.fields.some((write) => write.field === DELETED_FIELD && write.value === false);
  return undeletes && states[DELETED_FIELD]?.value === true ? 'restore' : 'change';
}

/** Rank-0 states at the beginning of time: every field of a record no write describes. */
export function beginningStates(record: object): FieldStates {
  return Object.fromEntries(
    Object.entries(record).map(([field, value]) => [
      field,
      { value: toJsonValue(value), hlc: BEGINNING_OF_TIME_HLC, rank: 0 as const },
    ]),
  );
}
