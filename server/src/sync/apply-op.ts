import { type ScopeContext, checkOwnership, checkWrite } from '@core/auth';
import { type RecordPlacement, placementOf } from '@core/records';
import { safeParseInChinese } from '@core/records/validation';
import { blobReferences } from '@core/sync/blob-references';
import { canonicalJson, type JsonValue } from '@core/sync/json-value';
import {
  type FieldState,
  type FieldStates,
  type WriteOutcome,
  mergeWrites,
  recordValues,
  writeRank,
} from '@core/sync/merge';
import type { PushOp } from '@core/sync/protocol';
import { describeInvalidMerge } from '@core/sync/rejection-reason';
import type { AuthenticatedUser } from '../auth/authenticate';
import { type Rejection, checkWrites } from './check-writes';
import { RECORD_SCHEMAS } from './record-schemas';
import type { ChangeLogRow, StoredRecord } from './record-store';

export interface OpContext {
  readonly user: AuthenticatedUser;
  readonly clientId: string;
  readonly now: number;
  readonly maxClockDriftMs: number;
  readonly scopeContext: ScopeContext;
}

/** What an applied op writes: push-batch.ts collects these and stores the batch's at once. */
export interface AppliedOp {
  /** The record after the op: what a later op of the same batch on it starts from. */
  readonly record: StoredRecord;
  /** Only the fields whose state changed. */
  readonly changed: readonly (readonly [string, FieldState])[];
  /** Every write of the op, winner or loser: the server's history of the record. */
  readonly changeLog: readonly ChangeLogRow[];
  /** The blobs the op refers to (kept even after the reference is edited away: history). */
  readonly blobs: readonly string[];
}

export type OpOutcome =
  { readonly status: 'applied'; readonly applied: AppliedOp } | ({ readonly status: 'rejected' } & Rejection);

/**
 * One op on the record as the batch has it so far (`stored`; undefined when the server has no field
 * of it): check it (scope, type, each write, blobs), merge it into the record, then check the merged
 * record: its placement (placementOf) within the user's scope, its validity, and that the user may
 * write a record that belongs to a person (checkOwnership). A rejection changes nothing. Pure: the batch reads every record and every missing blob
 * before, and writes what the applied ops changed after.
 */
export function applyOp(
  context: OpContext,
  op: PushOp,
  stored: StoredRecord | undefined,
  missingBlobs: ReadonlySet<string>,
): OpOutcome {
  const blobs = referencedBlobs(op);
  const refusal = checkOp(context, op, stored, blobs, missingBlobs);
  if (refusal !== undefined) return { status: 'rejected', ...refusal };

  const before: FieldStates = stored?.states ?? {};
  const merged = mergeWrites(op.recordType, before, op.fields, op.kind);
  const values = recordValues(merged.states);
  const placement = storedPlacement(placementOf(op.recordType, values));
  // The write may neither change a record where the user may not write nor put it there.
  const scope = checkWrite(
    context.user.scope,
    op.recordType,
    stored === undefined ? [placement] : [stored.placement, placement],
  );
  if (!scope.ok) return { status: 'rejected', code: 'forbidden', reason: scope.reason };
  const schema = RECORD_SCHEMAS[op.recordType];
  const parsed = safeParseInChinese(schema.record, values);
  if (!parsed.success) {
    return {
      status: 'rejected',
      code: 'invalid',
      reason: describeInvalidMerge(schema.label, stored !== undefined, parsed.error),
    };
  }
  // After the record is whole: a lone change to a record the server never accepted is `invalid`, not
  // refused for want of the owner it would name.
  const ownership = checkOwnership(context.user.scope, context.user.name, op.recordType, {
    before: stored === undefined ? undefined : recordValues(stored.states),
    after: values,
    fields: op.fields.map((write) => write.field),
  });
  if (!ownership.ok) return { status: 'rejected', code: 'forbidden', reason: ownership.reason };

  return {
    status: 'applied',
    applied: {
      record: {
        recordType: op.recordType,
        placement,
        pastSubsystemIds: pastIds(
          stored?.pastSubsystemIds,
          stored === undefined || stored.placement.subsystemId === placement.subsystemId
            ? []
            : [stored.placement.subsystemId],
        ),
        pastUnitIds: pastIds(
          stored?.pastUnitIds,
          stored === undefined || sameIds(stored.placement.unitIds, placement.unitIds)
            ? []
            : stored.placement.unitIds,
        ),
        states: merged.states,
      },
      changed: Object.entries(merged.states).filter(([field, state]) => !sameState(before[field], state)),
      changeLog: changeLogRows(context, op, merged.outcomes),
      blobs,
    },
  };
}

/** A placement as the server stores it: units once each, in order, so only a real change is a move. */
function storedPlacement(placement: RecordPlacement): RecordPlacement {
  return {
    subsystemId: placement.subsystemId,
    unitIds: [...new Set(placement.unitIds)].sort((a, b) => a - b),
  };
}

/** Where a record was before, with the ids it has just left added. */
function pastIds(past: readonly number[] | undefined, left: readonly number[]): readonly number[] {
  return [...new Set([...(past ?? []), ...left])].sort((a, b) => a - b);
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** The blobs an op refers to, each once. */
export function referencedBlobs(op: PushOp): string[] {
  return [...new Set(op.fields.flatMap((write) => blobReferences(op.recordType, write.field, write.value)))];
}

function checkOp(
  context: OpContext,
  op: PushOp,
  stored: StoredRecord | undefined,
  blobs: readonly string[],
  missingBlobs: ReadonlySet<string>,
): Rejection | undefined {
  // Before anything else, as the client placed the op: the record's merged placement is checked again
  // once the op is merged.
  const claimed = { subsystemId: op.subsystemId, unitIds: [] };
  const placements = stored === undefined ? [claimed] : [stored.placement, claimed];
  const scope = checkWrite(context.user.scope, stored?.recordType ?? op.recordType, placements);
  if (!scope.ok) return { code: 'forbidden', reason: scope.reason };
  if (stored !== undefined && stored.recordType !== op.recordType) {
    return {
      code: 'record_type_mismatch',
      reason: `该记录在服务器上是${RECORD_SCHEMAS[stored.recordType].label}，不能作为${RECORD_SCHEMAS[op.recordType].label}写入`,
    };
  }
  const invalid = checkWrites(op, context.now, context.maxClockDriftMs);
  if (invalid !== undefined) return invalid;
  const missing = blobs.filter((sha256) => missingBlobs.has(sha256)).sort();
  if (missing.length > 0) {
    return {
      code: 'blob_missing',
      reason: `引用的附件您尚未上传到服务器（SHA-256：${missing.join('、')}）：请先上传附件再同步这项修改`,
    };
  }
  return undefined;
}

function changeLogRows(context: OpContext, op: PushOp, outcomes: readonly WriteOutcome[]): ChangeLogRow[] {
  return op.fields.map((write, index) => ({
    recordId: op.recordId,
    recordType: op.recordType,
    field: write.field,
    value: write.value as JsonValue,
    hlc: write.hlc,
    rank: writeRank(write.field, write.value, op.kind),
    // mergeWrites returns one outcome per write, in order.
    outcome: outcomes[index] as WriteOutcome,
    opId: op.opId,
    clientId: context.clientId,
    seq: op.seq,
    userName: context.user.name,
    receivedAt: context.now,
  }));
}

function sameState(a: FieldState | undefined, b: FieldState): boolean {
  if (a === undefined || a.hlc !== b.hlc || a.rank !== b.rank) return false;
  const births = (state: FieldState) => canonicalJson((state.births ?? null) as JsonValue);
  return canonicalJson(a.value) === canonicalJson(b.value) && births(a) === births(b);
}
