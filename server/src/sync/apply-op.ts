import { type ScopeContext, checkWrite } from '@core/auth';
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
 * of it): check it (scope, type, each write, blobs), merge it into the record and validate the merged
 * record. A rejection changes nothing. Pure: the batch reads every record and every missing blob
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
  const schema = RECORD_SCHEMAS[op.recordType];
  const parsed = safeParseInChinese(schema.record, recordValues(merged.states));
  if (!parsed.success) {
    return {
      status: 'rejected',
      code: 'invalid',
      reason: describeInvalidMerge(schema.label, stored !== undefined, parsed.error),
    };
  }

  const subsystemId = merged.states.subsystemId?.value as number;
  const pastSubsystemIds =
    stored !== undefined && stored.subsystemId !== subsystemId
      ? [...new Set([...stored.pastSubsystemIds, stored.subsystemId])]
      : (stored?.pastSubsystemIds ?? []);
  return {
    status: 'applied',
    applied: {
      record: { recordType: op.recordType, subsystemId, pastSubsystemIds, states: merged.states },
      changed: Object.entries(merged.states).filter(([field, state]) => !sameState(before[field], state)),
      changeLog: changeLogRows(context, op, merged.outcomes),
      blobs,
    },
  };
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
  const subsystems = stored === undefined ? [op.subsystemId] : [stored.subsystemId, op.subsystemId];
  const scope = checkWrite(context.user.scope, stored?.recordType ?? op.recordType, subsystems);
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
