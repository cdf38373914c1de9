import { encodeHlc, tick } from '@core/sync';
import { type FieldStates, UPDATED_AT_FIELD } from '@core/sync/merge';
import type { RejectionCode } from '@core/sync/protocol';
import { RECORD_KINDS as CORE_RECORD_KINDS, historyValues, newRecordId, placementOf } from '@core/records';
import { readClock, writeClock } from '../database/clock';
import type { YunweiDatabase } from '../database/yunwei-database';
import { StoreError } from '../errors/store-error';
import { toStoreError } from '../errors/to-store-error';
import type { OutboxRow, RejectionRow } from '../rows/row-types';
import { STORE_TYPE_OF, type StoreRecordType } from '../save/record-kinds';
import { recordTables } from '../save/record-tables';
import { replayOps, toJsonValue } from './field-states';
import { readPendingOps } from './pending-ops';
import { serverStatesOf } from './read-server-states';
import { type LocalRecord, RecordRowBatch, readLocalRecords, showStates } from './record-rows';

/** A change the server refused for good, as the sync status lists it. */
export interface RejectedChange {
  readonly id: string;
  readonly op: OutboxRow & { readonly seq: number };
  readonly recordType: StoreRecordType;
  readonly code: RejectionCode;
  readonly reason: string;
  readonly rejectedAt: number;
  /** The record's title (ticket) or name (template, run) as stored here, if it still is. */
  readonly recordTitle?: string;
}

export async function listRejectedChanges(db: YunweiDatabase): Promise<RejectedChange[]> {
  try {
    return await db.transaction('r', [db.rejections, ...recordTables(db)], async () => {
      const rows = await db.rejections.orderBy('rejectedAt').toArray();
      const records = await readLocalRecords(
        db,
        rows.map((row) => row.op),
      );
      return rows.map((row) => {
        const record = records.get(row.recordId)?.record;
        const title = record === undefined ? undefined : CORE_RECORD_KINDS[row.op.recordType].titleOf(record);
        return {
          id: row.id,
          op: row.op,
          recordType: STORE_TYPE_OF[row.op.recordType],
          code: row.code,
          reason: row.reason,
          rejectedAt: row.rejectedAt,
          ...(title === undefined ? {} : { recordTitle: title }),
        };
      });
    });
  } catch (error) {
    throw toStoreError(error, '读取被拒绝的修改', db.disconnectedReason);
  }
}

/**
 * Re-sends a rejected change as a NEW op (docs/sync-protocol.md §4): the next seq, a new op id, the
 * clock ticked, and the record's current values of the fields it wrote, so a fix made since goes
 * with it. For a record the server has never accepted, every field is written (the server needs
 * the whole record): that one op carries the record's other refused and held-back changes too, so
 * they are dropped, and the fixed record goes as one change the server can take.
 */
export async function resendRejectedChange(
  db: YunweiDatabase,
  id: string,
  at: number = Date.now(),
): Promise<void> {
  try {
    await db.transaction(
      'rw',
      [db.rejections, db.outbox, db.syncStates, db.meta, ...recordTables(db)],
      async () => {
        const rejection = await readRejection(db, id);
        const [states, records, clock] = await Promise.all([
          db.syncStates.get(rejection.recordId),
          readLocalRecords(db, [rejection.op]),
          readClock(db),
        ]);
        const local = records.get(rejection.recordId);
        const current = local?.record;
        if (current === undefined) {
          throw new StoreError('invalid', '这条修改对应的记录已不在本机，无法重新提交：请放弃这条修改。');
        }
        const values = current as unknown as Readonly<Record<string, unknown>>;
        const whole = Object.keys(serverStatesOf(states, local)).length === 0;
        const fields = whole
          ? Object.keys(values).filter((field) => field !== UPDATED_AT_FIELD)
          : rejection.op.fields.map((write) => write.field).filter((field) => field in values);
        const next = tick(clock, at);
        const hlc = encodeHlc(next);
        const kind = rejection.op.kind === 'restore' && current.deleted === false ? 'restore' : 'change';
        const { subsystemId } = placementOf(
          rejection.op.recordType,
          current as unknown as Readonly<Record<string, unknown>>,
        );
        const op: OutboxRow = {
          opId: newRecordId(),
          kind,
          recordType: rejection.op.recordType,
          recordId: rejection.recordId,
          subsystemId: placementOf(
            rejection.op.recordType,
            current as unknown as Readonly<Record<string, unknown>>,
          ).subsystemId,
          fields: fields.map((field) => ({ field, value: toJsonValue(values[field]), hlc })),
          createdAt: at,
        };
        const [rejectionIds, heldSeqs]: readonly [string[], number[]] = whole
          ? await Promise.all([
              db.rejections.where('recordId').equals(rejection.recordId).primaryKeys(),
              db.outbox.where('recordId').equals(rejection.recordId).primaryKeys(),
            ])
          : [[id], []];
        await Promise.all([
          db.rejections.bulkDelete(rejectionIds),
          db.outbox.bulkDelete(heldSeqs),
          db.outbox.add(op),
          writeClock(db, next),
        ]);
        await rebaseHeldOps(db, rejection.recordId, subsystemId);
      },
    );
  } catch (error) {
    throw toStoreError(error, '重新提交被拒绝的修改', db.disconnectedReason);
  }
}

/**
 * The ops held back behind a refused change (push-queue.ts recordsHeldBack) were queued under the
 * subsystem the record had then, e.g. the one a refused move named. Once the user has re-sent or
 * discarded that change they go under the subsystem the record has now (an op that itself moves the
 * record keeps the subsystem it moves it to).
 */
async function rebaseHeldOps(db: YunweiDatabase, recordId: string, subsystemId: number): Promise<void> {
  await db.outbox
    .where('recordId')
    .equals(recordId)
    .modify((op) => {
      const moveTo = op.fields.find((write) => write.field === 'subsystemId')?.value;
      op.subsystemId = typeof moveTo === 'number' ? moveTo : subsystemId;
    });
}

/**
 * Discards a rejected change for good: the record shows the server's version again, with the other
 * local writes still pending merged on top, and history records, field by field, that the rejected
 * value was given up (actor: who discarded it). A record the server never had is removed from this
 * PC with every change of it still queued or refused.
 */
export async function discardRejectedChange(
  db: YunweiDatabase,
  id: string,
  actor: string = '同步',
  at: number = Date.now(),
): Promise<void> {
  try {
    await db.transaction(
      'rw',
      [db.rejections, db.outbox, db.syncStates, db.syncProblems, db.history, ...recordTables(db)],
      async () => {
        const rejection = await readRejection(db, id);
        await db.rejections.delete(id);
        const ref = rejection.op;
        const [states, records, pending] = await Promise.all([
          db.syncStates.get(ref.recordId),
          readLocalRecords(db, [ref]),
          readPendingOps(db, [ref.recordId]),
        ]);
        const stored = records.get(ref.recordId);
        const server = serverStatesOf(states, stored);
        const neverAccepted = Object.keys(server).length === 0;
        // Without the server's copy, the changes held back behind this one have nothing to apply to:
        // they go with it, and so does the record.
        const ops = neverAccepted ? [] : (pending.get(ref.recordId) ?? []);
        if (neverAccepted) {
          await Promise.all([
            db.outbox.where('recordId').equals(ref.recordId).delete(),
            db.rejections.where('recordId').equals(ref.recordId).delete(),
          ]);
        }
        const local = ops.length === 0 ? undefined : replayOps(ref.recordType, server, ops);
        const shownNow = local ?? server;
        const batch = new RecordRowBatch(db, at);
        batch.history.push(...discardHistory(rejection, stored, shownNow, actor, at));
        if (Object.keys(shownNow).length === 0) {
          batch.remove(ref, stored);
          await batch.flush();
          return;
        }
        const shown = showStates(ref, shownNow, stored, { actor, at });
        if (!shown.ok) {
          throw new StoreError('invalid', `放弃这条修改后记录无效，未作更改：${shown.reason}`);
        }
        batch.put(ref, shown.record, stored, { full: server });
        await Promise.all([batch.flush(), db.syncProblems.delete(ref.recordId)]);
        await rebaseHeldOps(db, ref.recordId, (shown.record as { readonly subsystemId: number }).subsystemId);
      },
    );
  } catch (error) {
    throw toStoreError(error, '放弃被拒绝的修改', db.disconnectedReason);
  }
}

async function readRejection(db: YunweiDatabase, id: string): Promise<RejectionRow> {
  const rejection = await db.rejections.get(id);
  if (rejection === undefined) {
    throw new StoreError('conflict', '这条被拒绝的修改已经处理过（可能在另一个窗口中）：请刷新列表。');
  }
  return rejection;
}

/** One row per field the discarded op wrote: its value given up for the one shown now. */
function discardHistory(
  rejection: RejectionRow,
  stored: LocalRecord | undefined,
  shown: FieldStates,
  actor: string,
  at: number,
) {
  const values = (stored?.record ?? {}) as Readonly<Record<string, unknown>>;
  return rejection.op.fields.map((write) => ({
    id: newRecordId(),
    recordType: rejection.op.recordType,
    recordId: rejection.recordId,
    field: write.field,
    ...historyValues(
      rejection.op.recordType,
      write.field,
      values[write.field],
      shown[write.field]?.value ?? null,
    ),
    actor,
    at,
    hlc: shown[write.field]?.hlc ?? write.hlc,
  }));
}
