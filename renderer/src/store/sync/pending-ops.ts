import type { YunweiDatabase } from '../database/yunwei-database';
import type { OutboxRow } from '../rows/row-types';

/**
 * The local writes of these records the server has not accepted: queued ops and rejected ops the
 * user has not discarded, per record, oldest (smallest seq) first. Runs inside a transaction over
 * `outbox` and `rejections`.
 */
export async function readPendingOps(
  db: YunweiDatabase,
  recordIds: readonly string[],
): Promise<Map<string, OutboxRow[]>> {
  const pending = new Map<string, OutboxRow[]>();
  if (recordIds.length === 0) return pending;
  const [queued, rejected] = await Promise.all([
    db.outbox.where('recordId').anyOf(recordIds).toArray(),
    db.rejections.where('recordId').anyOf(recordIds).toArray(),
  ]);
  for (const op of [...queued, ...rejected.map((rejection) => rejection.op)]) {
    const list = pending.get(op.recordId) ?? [];
    list.push(op);
    pending.set(op.recordId, list);
  }
  for (const list of pending.values()) list.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  return pending;
}
