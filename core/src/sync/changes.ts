import { z } from 'zod';
import { diffFields } from '../records/field-diff';
import { historyValues } from '../records/history-values';
import { instantSchema, recordTypeSchema, type RecordType, userIdSchema } from '../records/record-envelope';
import { newRecordId, recordIdSchema } from '../records/record-id';
import { placementOf, placementSubsystemIdSchema } from '../records/record-placement';
import { encodeHlc, type Hlc, tick } from './hlc';

/**
 * What one local save produces besides the record itself (ARCHITECTURE.md §3): one history row per
 * changed field and one outbox operation. The sync issue refines the wire protocol; these are the
 * minimal shapes both sides already agree on. HLCs are stored encoded (`encodeHlc`) so they index.
 */
export const encodedHlcSchema = z
  .string()
  .regex(/^[0-9a-f]{12}-[0-9a-f]{4}-[0-9a-z]{10}$/, { error: '时间戳格式无效' });

/** One field's change: who, when, old → new. The history table is the op log. */
export const historyEntrySchema = z.strictObject({
  id: recordIdSchema,
  recordType: recordTypeSchema,
  recordId: recordIdSchema,
  field: z.string().min(1),
  oldValue: z.unknown(),
  newValue: z.unknown(),
  actor: userIdSchema,
  at: instantSchema,
  hlc: encodedHlcSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const fieldWriteSchema = z.strictObject({
  field: z.string().min(1),
  value: z.unknown(),
  hlc: encodedHlcSchema,
});
export type FieldWrite = z.infer<typeof fieldWriteSchema>;

/**
 * A change waiting to be pushed: the new values of the fields one save changed. `kind` and
 * `subsystemId` are what the push needs besides the writes (docs/sync-protocol.md §4); ops queued
 * before sync existed lack them, and the local store's upgrade fills them in.
 */
export const outboxOpSchema = z.strictObject({
  opId: recordIdSchema,
  /** `restore` when the save un-deletes the record: its `deleted: false` then outranks the delete. */
  kind: z.enum(['change', 'restore']).optional(),
  recordType: recordTypeSchema,
  recordId: recordIdSchema,
  /** The record's subsystem after this save; 0 for a record of none (records/record-placement.ts). */
  subsystemId: placementSubsystemIdSchema.optional(),
  fields: z.array(fieldWriteSchema).min(1),
  createdAt: instantSchema,
});
export type OutboxOp = z.infer<typeof outboxOpSchema>;

export interface ChangeSetInput {
  readonly recordType: RecordType;
  readonly recordId: string;
  /** The record as stored before the save; undefined for a new record. */
  readonly before: object | undefined;
  readonly after: object;
  readonly actor: string;
  /** The save instant (also the wall time the clock ticks with). */
  readonly at: number;
  /** The database's clock before this save. */
  readonly clock: Hlc;
  /** Fields that never make history, e.g. `updatedAt` (it changes on every save). */
  readonly ignore?: readonly string[];
  readonly newId?: () => string;
}

export interface ChangeSet {
  /** The clock to persist with the save: ticked once when anything changed, unchanged otherwise. */
  readonly clock: Hlc;
  readonly history: readonly HistoryEntry[];
  /** Undefined when nothing changed: an unchanged save writes nothing. */
  readonly op: OutboxOp | undefined;
}

/**
 * History rows and the outbox op of one save. Every field written by one save carries the same HLC:
 * the merge compares HLCs per field, so fields need not differ, and one tick per save keeps the clock's
 * counter small.
 */
export function buildChangeSet(input: ChangeSetInput): ChangeSet {
  const changes = diffFields(input.before, input.after, { ignore: input.ignore ?? [] });
  if (changes.length === 0) return { clock: input.clock, history: [], op: undefined };
  const clock = tick(input.clock, input.at);
  const hlc = encodeHlc(clock);
  const newId = input.newId ?? (() => newRecordId());
  const history = changes.map((change) => ({
    id: newId(),
    recordType: input.recordType,
    recordId: input.recordId,
    field: change.field,
    ...historyValues(input.recordType, change.field, change.oldValue, change.newValue),
    actor: input.actor,
    at: input.at,
    hlc,
  }));
  const { subsystemId } = placementOf(input.recordType, input.after as Readonly<Record<string, unknown>>);
  const op: OutboxOp = {
    opId: newId(),
    kind: isRestore(input.before, input.after) ? 'restore' : 'change',
    recordType: input.recordType,
    recordId: input.recordId,
    subsystemId,
    fields: changes.map((change) => ({ field: change.field, value: change.newValue, hlc })),
    createdAt: input.at,
  };
  return { clock, history, op };
}

/** A save that turns a tombstone back into a record: only an explicit restore may undo a delete. */
export function isRestore(before: object | undefined, after: object): boolean {
  return (
    (before as { deleted?: unknown } | undefined)?.deleted === true &&
    (after as { deleted?: unknown }).deleted === false
  );
}
