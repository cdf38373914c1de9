import { placementOf, safeParseInChinese } from '@core/records';
import type { RecordType } from '@core/records';
import { type FieldStates, mergeWrites } from '@core/sync/merge';
import { type PushOp, type PushResponse, pushOpSchema } from '@core/sync/protocol';
import { describeIssuesPlainly } from '@core/sync/rejection-reason';
import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import type { OutboxRow, RejectionRow } from '../rows/row-types';
import { recordTables } from '../save/record-tables';
import { opKind, opWrites, toJsonValue } from './field-states';
import { syncStateRow } from './packed-states';
import { readKnownServerStates, serverStatesOf } from './read-server-states';
import { readLocalRecords } from './record-rows';
import { syncMetaInTransaction } from './sync-meta';

export type QueuedOp = OutboxRow & { readonly seq: number };

export interface PushBatch {
  /** The ops to send, oldest first, as the protocol wants them. */
  readonly ops: readonly PushOp[];
  /** Queued ops that cannot be sent as they are (they would fail the whole request): why. */
  readonly invalid: readonly { readonly op: QueuedOp; readonly reason: string }[];
}

export interface PushBatchLimits {
  readonly maxOps: number;
  /** Stop adding ops once the JSON of the batch would exceed this (at least one op is sent). */
  readonly maxBytes: number;
}

/**
 * The oldest queued ops as push ops (docs/sync-protocol.md §4): seq is the outbox key, so a retry
 * sends the very same ops. An op queued before it carried its subsystem takes the record's. Ops of a
 * record with a refused change are held back until the user re-sends or discards it (recordsHeldBack).
 */
export async function readPushBatch(db: YunweiDatabase, limits: PushBatchLimits): Promise<PushBatch> {
  try {
    return await db.transaction(
      'r',
      [db.outbox, db.rejections, db.syncStates, ...recordTables(db)],
      async () => {
        const held = await recordsHeldBack(db);
        const rows = (await db.outbox
          .orderBy(':id')
          .filter((row) => !held.has(row.recordId))
          .limit(limits.maxOps)
          .toArray()) as QueuedOp[];
        const subsystems = await fallbackSubsystems(db, rows);
        const ops: PushOp[] = [];
        const invalid: { op: QueuedOp; reason: string }[] = [];
        let bytes = 0;
        for (const row of rows) {
          const parsed = safeParseInChinese(pushOpSchema, {
            seq: row.seq,
            opId: row.opId,
            kind: opKind(row),
            recordType: row.recordType,
            recordId: row.recordId,
            subsystemId: row.subsystemId ?? subsystems.get(row.recordId),
            fields: row.fields.map((write) => ({ ...write, value: toJsonValue(write.value) })),
          });
          if (!parsed.success) {
            invalid.push({ op: row, reason: describeIssuesPlainly(parsed.error) });
            continue;
          }
          const size = JSON.stringify(parsed.data).length;
          if (ops.length > 0 && bytes + size > limits.maxBytes) break;
          bytes += size;
          ops.push(parsed.data);
        }
        return { ops, invalid };
      },
    );
  } catch (error) {
    throw toStoreError(error, '读取待同步的修改', db.disconnectedReason);
  }
}

/**
 * The records with a refused change still waiting for the user. Their later ops are held back: built
 * on the refused one (after a refused move they name the subsystem the server refused), they would be
 * refused too. Re-sending or discarding the refused change lets them go, rebased (rejections.ts).
 */
export async function recordsHeldBack(db: YunweiDatabase): Promise<Set<string>> {
  const recordIds = await db.rejections.orderBy('recordId').uniqueKeys();
  return new Set(recordIds.map(String));
}

async function fallbackSubsystems(
  db: YunweiDatabase,
  rows: readonly QueuedOp[],
): Promise<Map<string, number>> {
  const refs = rows.filter((row) => row.subsystemId === undefined);
  const found = new Map<string, number>();
  if (refs.length === 0) return found;
  const [states, records] = await Promise.all([
    db.syncStates.bulkGet(refs.map((row) => row.recordId)),
    readLocalRecords(db, refs),
  ]);
  refs.forEach((row, index) => {
    const fromStates = serverStatesOf(states[index], records.get(row.recordId)).subsystemId?.value;
    const stored = records.get(row.recordId)?.record;
    const subsystemId =
      typeof fromStates === 'number'
        ? fromStates
        : stored === undefined
          ? undefined
          : placementOf(row.recordType, stored as unknown as Readonly<Record<string, unknown>>).subsystemId;
    if (subsystemId !== undefined) found.set(row.recordId, subsystemId);
  });
  return found;
}

export interface PushOutcomeCounts {
  readonly applied: number;
  readonly rejected: number;
}

/**
 * Stores the server's answer to a push, in one transaction: an applied op leaves the outbox and its
 * writes join the record's known server states (the server merged them by the same rule); a rejected
 * op moves to `rejections` with the code and reason. Ops without a result stay queued for the retry.
 */
export async function recordPushResults(
  db: YunweiDatabase,
  sent: readonly PushOp[],
  response: PushResponse,
  at: number,
): Promise<PushOutcomeCounts> {
  const bySeq = new Map(sent.map((op) => [op.seq, op]));
  for (const result of response.results) {
    const op = bySeq.get(result.seq);
    if (op === undefined || op.opId !== result.opId) {
      throw new Error(
        `服务器返回的推送结果（seq ${result.seq}，操作 ${result.opId}）与本机发送的操作不对应：本机未作任何更改，将重新同步`,
      );
    }
  }
  try {
    return await db.transaction(
      'rw',
      [db.outbox, db.rejections, db.syncStates, db.syncMeta, ...recordTables(db)],
      async () => {
        const meta = await syncMetaInTransaction(db);
        const seqs = response.results.map((result) => result.seq);
        const queued = await db.outbox.bulkGet(seqs);
        const applied: QueuedOp[] = [];
        const rejections: RejectionRow[] = [];
        response.results.forEach((result, index) => {
          const row = queued[index] as QueuedOp | undefined;
          // Already settled by an earlier answer to the same ops (a duplicated reply): nothing to do.
          if (row === undefined) return;
          if (result.status === 'applied') applied.push(row);
          else rejections.push(rejectionRow(row, result.code, result.reason, at));
        });
        await Promise.all([
          db.outbox.bulkDelete(
            [...applied, ...rejections.map((rejection) => rejection.op)].map((op) => op.seq),
          ),
          db.rejections.bulkPut(rejections),
          db.syncMeta.put({ ...meta, lastSeq: Math.max(meta.lastSeq, response.lastSeq) }),
        ]);
        await acceptIntoServerStates(db, applied);
        return { applied: applied.length, rejected: rejections.length };
      },
    );
  } catch (error) {
    throw toStoreError(error, '保存同步结果', db.disconnectedReason);
  }
}

/** Moves ops that cannot be sent to `rejections`, so one bad op never blocks the queue. */
export async function rejectLocally(
  db: YunweiDatabase,
  invalid: PushBatch['invalid'],
  at: number,
): Promise<void> {
  if (invalid.length === 0) return;
  try {
    await db.transaction('rw', [db.outbox, db.rejections], async () => {
      await Promise.all([
        db.outbox.bulkDelete(invalid.map((entry) => entry.op.seq)),
        db.rejections.bulkPut(
          invalid.map((entry) =>
            rejectionRow(entry.op, 'invalid', `本机检查未通过，未发送到服务器：${entry.reason}`, at),
          ),
        ),
      ]);
    });
  } catch (error) {
    throw toStoreError(error, '保存无法同步的修改', db.disconnectedReason);
  }
}

function rejectionRow(op: QueuedOp, code: RejectionRow['code'], reason: string, at: number): RejectionRow {
  return { id: op.opId, recordId: op.recordId, op, code, reason, rejectedAt: at };
}

/** Applied ops join the known server states; a record with nothing pending left shows those alone. */
async function acceptIntoServerStates(db: YunweiDatabase, applied: readonly QueuedOp[]): Promise<void> {
  if (applied.length === 0) return;
  const oneOpPerRecord = new Map(applied.map((op) => [op.recordId, op]));
  const known = await readKnownServerStates(db, [...oneOpPerRecord.values()]);
  const merged = new Map<string, { readonly recordType: RecordType; readonly server: FieldStates }>();
  for (const op of applied) {
    const before = merged.get(op.recordId)?.server ?? known.get(op.recordId) ?? {};
    const server = mergeWrites(op.recordType, before, opWrites(op), opKind(op)).states;
    merged.set(op.recordId, { recordType: op.recordType, server });
  }
  await db.syncStates.bulkPut(
    [...merged].map(([recordId, { recordType, server }]) => syncStateRow({ recordId, recordType }, server)),
  );
}
