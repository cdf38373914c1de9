import { visibleSubsystems } from '@core/auth';
import type { FieldState } from '@core/sync/merge';
import { quoteText } from '@core/records/storable-text';
import type { OpResult, PushOp, PushRequest, PushResponse } from '@core/sync/protocol';
import type { AuthenticatedUser } from '../auth/authenticate';
import type { ApiDeps } from '../auth/auth-deps';
import { type AuditEntry, writeAudit } from '../audit/audit-log';
import { recordBlobReferences, unusableBlobs } from '../blobs/blob-store';
import type { Queryable } from '../db/database';
import { assertSchemaVersion } from '../http/schema-version';
import { type AppliedOp, type OpOutcome, applyOp, referencedBlobs } from './apply-op';
import { claimClient, saveResults, storedResults } from './client-ledger';
import {
  type ChangeLogRow,
  type StoredRecord,
  dropEmptyRecords,
  loadRecords,
  lockRecords,
  saveRecordChanges,
} from './record-store';

/**
 * A rejection's reason is kept with the op's result and in the audit log (180 days), and it may quote
 * what the client sent (a field name, a schema's message about an unknown key): bounded, whatever
 * the client sent.
 */
const MAX_REASON_CHARACTERS = 1000;

/**
 * One push, one transaction: ops already processed (seq ≤ lastSeq) get their stored result again;
 * the others are applied in seq order, each applied or rejected, and lastSeq moves past all of them,
 * rejected ones included, so one bad op never blocks the queue. Rejections are audited. Anything that
 * throws rolls the whole batch back, and the client retries it as it was.
 *
 * The batch's records are read once, its ops applied to them in memory (a later op on a record sees
 * what an earlier one did), and what they changed written at the end: a push costs the same few
 * statements whatever the number of its ops (eight in all for the usual batch: docs/deployment.md).
 */
export async function pushBatch(
  deps: ApiDeps,
  user: AuthenticatedUser,
  request: PushRequest,
  ip: string,
): Promise<PushResponse> {
  assertSchemaVersion(request.schemaVersion);
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const { lastSeq, opIdSeqs } = await claimClient(
      tx,
      request.clientId,
      user.id,
      now,
      request.ops.map((op) => op.opId),
    );
    const replayed = request.ops.filter((op) => op.seq <= lastSeq);
    const fresh = request.ops.filter((op) => op.seq > lastSeq);
    const stored = await storedResults(
      tx,
      request.clientId,
      replayed.map((op) => op.seq),
    );
    await lockRecords(tx, fresh);
    const records = await loadRecords(
      tx,
      fresh.map((op) => op.recordId),
    );
    const missing = new Set(
      await unusableBlobs(
        tx,
        [...new Set(fresh.flatMap(referencedBlobs))],
        user.id,
        visibleSubsystems(user.scope, deps.scopeContext),
      ),
    );

    const context = {
      user,
      clientId: request.clientId,
      now,
      maxClockDriftMs: deps.policy.maxClockDriftMs,
      scopeContext: deps.scopeContext,
    };
    const writes = new BatchWrites();
    const freshResults: OpResult[] = [];
    const audit: AuditEntry[] = [];
    const rejectedRecords: string[] = [];
    for (const op of fresh) {
      const firstSeq = opIdSeqs.get(op.opId);
      if (firstSeq === undefined) opIdSeqs.set(op.opId, op.seq);
      const outcome =
        firstSeq === undefined
          ? applyOp(context, op, records.get(op.recordId), missing)
          : opIdReused(op, firstSeq);
      if (outcome.status === 'applied') {
        records.set(op.recordId, outcome.applied.record);
        writes.add(op.recordId, outcome.applied);
        freshResults.push({ seq: op.seq, opId: op.opId, status: 'applied' });
      } else {
        const result = {
          seq: op.seq,
          opId: op.opId,
          status: 'rejected',
          code: outcome.code,
          reason: quoteText(outcome.reason, MAX_REASON_CHARACTERS),
        } as const;
        freshResults.push(result);
        rejectedRecords.push(op.recordId);
        audit.push(rejectionAudit(user, ip, now, request.clientId, op, result));
      }
    }

    await writes.save(tx);
    const newLastSeq = fresh.at(-1)?.seq ?? lastSeq;
    await saveResults(tx, request.clientId, freshResults, newLastSeq, now);
    await dropEmptyRecords(tx, rejectedRecords);

    const byFreshSeq = new Map(freshResults.map((result) => [result.seq, result]));
    const results = request.ops.map((op) => {
      const fresh = byFreshSeq.get(op.seq);
      if (fresh !== undefined) return fresh;
      const replay = replayResult(op, stored.get(op.seq));
      if (replay.status === 'rejected' && replay.code === 'seq_reused') {
        audit.push(rejectionAudit(user, ip, now, request.clientId, op, replay));
      }
      return replay;
    });
    await writeAudit(tx, audit);
    return { results, lastSeq: newLastSeq };
  });
}

/**
 * What a batch's applied ops write, gathered so each table is written once: each record's last
 * state, each changed field's last state, every write for the change log, every blob reference.
 */
class BatchWrites {
  private readonly updates = new Map<string, { record: StoredRecord; changed: Map<string, FieldState> }>();
  private readonly changeLog: ChangeLogRow[] = [];
  /** `<recordId> <sha256>` → the reference, each once. */
  private readonly blobReferences = new Map<string, { recordId: string; sha256: string }>();

  add(recordId: string, applied: AppliedOp): void {
    const update = this.updates.get(recordId) ?? { record: applied.record, changed: new Map() };
    update.record = applied.record;
    for (const [field, state] of applied.changed) update.changed.set(field, state);
    this.updates.set(recordId, update);
    this.changeLog.push(...applied.changeLog);
    for (const sha256 of applied.blobs)
      this.blobReferences.set(`${recordId} ${sha256}`, { recordId, sha256 });
  }

  async save(tx: Queryable): Promise<void> {
    await saveRecordChanges(
      tx,
      [...this.updates].map(([recordId, update]) => ({ recordId, ...update })),
      this.changeLog,
    );
    await recordBlobReferences(tx, [...this.blobReferences.values()]);
  }
}

/**
 * An op id names one op: under a second seq it is a renumbered op (which may have been applied under
 * the first) or a client's bug, so nothing of it is applied.
 */
function opIdReused(op: PushOp, firstSeq: number): OpOutcome {
  return {
    status: 'rejected',
    code: 'seq_reused',
    reason: `操作编号 ${op.opId} 已用于 seq ${firstSeq} 的操作：客户端重复使用了操作编号，这项修改未被处理`,
  };
}

/** The stored answer for an op seen before; an op whose seq was used by another op is refused. */
function replayResult(op: PushOp, stored: OpResult | undefined): OpResult {
  if (stored !== undefined && stored.opId === op.opId) return stored;
  return {
    seq: op.seq,
    opId: op.opId,
    status: 'rejected',
    code: 'seq_reused',
    reason:
      stored === undefined
        ? `seq ${op.seq} 不大于服务器已处理的序号，且服务器没有处理过它：客户端的操作序号有误，这项修改未被处理`
        : `seq ${op.seq} 已用于另一项操作（${stored.opId}）：客户端的操作序号有误，这项修改未被处理`,
  };
}

function rejectionAudit(
  user: AuthenticatedUser,
  ip: string,
  now: number,
  clientId: string,
  op: PushOp,
  result: { code: string; reason: string },
): AuditEntry {
  return {
    at: now,
    actor: user.name,
    ip,
    action: 'sync_rejected',
    target: `${op.recordType}/${op.recordId}`,
    result: 'rejected',
    detail: {
      code: result.code,
      reason: result.reason,
      clientId,
      seq: op.seq,
      opId: op.opId,
      fields: op.fields.map((write) => quoteText(write.field)),
    },
  };
}
