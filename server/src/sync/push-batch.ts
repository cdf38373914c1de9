import type { OpResult, PushOp, PushRequest, PushResponse } from '@core/sync/protocol';
import type { AuthenticatedUser } from '../auth/authenticate';
import type { ApiDeps } from '../auth/auth-deps';
import { type AuditEntry, writeAudit } from '../audit/audit-log';
import { assertSchemaVersion } from '../http/schema-version';
import { applyOp } from './apply-op';
import { claimClient, saveResults, storedResults } from './client-ledger';
import { assignChangeSeqs, dropEmptyRecords, lockRecords } from './record-store';

export interface PushOutcome {
  readonly response: PushResponse;
  /** The greatest change seq this batch committed, when it changed anything. */
  readonly changeSeq?: number;
  /** Subsystems whose readers should be poked (current and former subsystems of changed records). */
  readonly subsystemIds: readonly number[];
}

/**
 * One push, one transaction: ops already processed (seq ≤ lastSeq) get their stored result again;
 * the others are applied in seq order, each applied or rejected, and lastSeq moves past all of them,
 * rejected ones included, so one bad op never blocks the queue. Rejections are audited. Anything that
 * throws rolls the whole batch back, and the client retries it as it was.
 */
export async function pushBatch(
  deps: ApiDeps,
  user: AuthenticatedUser,
  request: PushRequest,
  ip: string,
): Promise<PushOutcome> {
  assertSchemaVersion(request.schemaVersion);
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const lastSeq = await claimClient(tx, request.clientId, user.id, now);
    const replayed = request.ops.filter((op) => op.seq <= lastSeq);
    const fresh = request.ops.filter((op) => op.seq > lastSeq);
    const stored = await storedResults(
      tx,
      request.clientId,
      replayed.map((op) => op.seq),
    );
    await lockRecords(tx, fresh);

    const context = {
      tx,
      user,
      clientId: request.clientId,
      now,
      maxClockDriftMs: deps.policy.maxClockDriftMs,
      scopeContext: deps.scopeContext,
    };
    const freshResults: OpResult[] = [];
    const audit: AuditEntry[] = [];
    const changed = new Map<string, readonly number[]>();
    for (const op of fresh) {
      const outcome = await applyOp(context, op);
      if (outcome.status === 'applied') {
        freshResults.push({ seq: op.seq, opId: op.opId, status: 'applied' });
        if (outcome.changed !== undefined)
          changed.set(outcome.changed.recordId, outcome.changed.subsystemIds);
      } else {
        const result = {
          seq: op.seq,
          opId: op.opId,
          status: 'rejected',
          code: outcome.code,
          reason: outcome.reason,
        } as const;
        freshResults.push(result);
        audit.push(rejectionAudit(user, ip, now, request.clientId, op, result));
      }
    }

    const newLastSeq = fresh.at(-1)?.seq ?? lastSeq;
    await saveResults(tx, request.clientId, freshResults, newLastSeq, now);
    await dropEmptyRecords(
      tx,
      fresh.map((op) => op.recordId),
    );
    const changeSeq = await assignChangeSeqs(tx, [...changed.keys()]);

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
    return {
      response: { results, lastSeq: newLastSeq },
      changeSeq,
      subsystemIds: [...new Set([...changed.values()].flat())],
    };
  });
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
      fields: op.fields.map((write) => write.field),
    },
  };
}
