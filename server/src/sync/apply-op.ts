import { type ScopeContext, checkWrite } from '@core/auth';
import { describeSchemaIssues } from '@core/host/schema-issues';
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
import type { Queryable } from '../db/database';
import type { AuthenticatedUser } from '../auth/authenticate';
import { missingBlobs, recordBlobReferences } from '../blobs/blob-store';
import { type Rejection, checkWrites } from './check-writes';
import { RECORD_SCHEMAS } from './record-schemas';
import {
  type ChangeLogRow,
  type StoredRecord,
  appendChangeLog,
  loadRecord,
  saveRecord,
} from './record-store';

export interface OpContext {
  readonly tx: Queryable;
  readonly user: AuthenticatedUser;
  readonly clientId: string;
  readonly now: number;
  readonly maxClockDriftMs: number;
  readonly scopeContext: ScopeContext;
}

export type OpOutcome =
  | {
      readonly status: 'applied';
      /** Set when the record's state changed: it needs a new change seq and a poke. */
      readonly changed?: { readonly recordId: string; readonly subsystemIds: readonly number[] };
    }
  | ({ readonly status: 'rejected' } & Rejection);

/**
 * One op, inside the batch's transaction: check it (scope, type, each write, blobs), merge it into the
 * record, validate the merged record, then store the changed field states and log every write.
 * A rejection changes nothing.
 */
export async function applyOp(context: OpContext, op: PushOp): Promise<OpOutcome> {
  const stored = await loadRecord(context.tx, op.recordId);
  const refusal = await checkOp(context, op, stored);
  if (refusal !== undefined) return { status: 'rejected', ...refusal };

  const before: FieldStates = stored?.states ?? {};
  const merged = mergeWrites(op.recordType, before, op.fields, op.kind);
  const schema = RECORD_SCHEMAS[op.recordType];
  const parsed = safeParseInChinese(schema.record, recordValues(merged.states));
  if (!parsed.success) {
    return {
      status: 'rejected',
      code: 'invalid',
      reason: `合并后的${schema.label}数据无效：${describeSchemaIssues(parsed.error)}`,
    };
  }

  const subsystemId = merged.states.subsystemId?.value as number;
  const pastSubsystemIds =
    stored !== undefined && stored.subsystemId !== subsystemId
      ? [...new Set([...stored.pastSubsystemIds, stored.subsystemId])]
      : (stored?.pastSubsystemIds ?? []);
  const changed = Object.entries(merged.states).filter(([field, state]) => !sameState(before[field], state));
  await saveRecord(context.tx, {
    recordId: op.recordId,
    recordType: op.recordType,
    subsystemId,
    pastSubsystemIds,
    deleted: merged.states.deleted?.value === true,
    changed,
  });
  await appendChangeLog(context.tx, changeLogRows(context, op, merged.outcomes));
  await recordBlobReferences(context.tx, op.recordId, referencedBlobs(op));
  if (changed.length === 0) return { status: 'applied' };
  return {
    status: 'applied',
    changed: { recordId: op.recordId, subsystemIds: [subsystemId, ...pastSubsystemIds] },
  };
}

async function checkOp(
  context: OpContext,
  op: PushOp,
  stored: StoredRecord | undefined,
): Promise<Rejection | undefined> {
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
  const missing = await missingBlobs(context.tx, referencedBlobs(op));
  if (missing.length > 0) {
    return {
      code: 'blob_missing',
      reason: `引用的附件尚未上传到服务器（SHA-256：${missing.join('、')}）：请先上传附件再同步这项修改`,
    };
  }
  return undefined;
}

function referencedBlobs(op: PushOp): string[] {
  return [...new Set(op.fields.flatMap((write) => blobReferences(op.recordType, write.field, write.value)))];
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
