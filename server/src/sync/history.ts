import type { RecordPlacement, RecordType } from '@core/records';
import type { JsonValue } from '@core/sync/json-value';
import type { ServerHistoryEntry } from '@core/sync/protocol';
import type { Queryable } from '../db/database';

/** A record's accepted writes, winners and losers, in HLC order; undefined for an unknown record. */
export async function readHistory(
  db: Queryable,
  recordId: string,
): Promise<
  { recordType: RecordType; placement: RecordPlacement; entries: ServerHistoryEntry[] } | undefined
> {
  const record = await db.query<{ recordType: RecordType; subsystemId: number; unitIds: number[] }>(
    `select record_type as "recordType", subsystem_id as "subsystemId", unit_ids as "unitIds"
     from sync_records where record_id = $1 and change_seq is not null`,
    [recordId],
  );
  const found = record.rows[0];
  if (found === undefined) return undefined;
  const { rows } = await db.query<{
    field: string;
    value: JsonValue;
    hlc: string;
    rank: number;
    outcome: ServerHistoryEntry['outcome'];
    user: string;
    clientId: string;
    opId: string;
    receivedAt: Date;
  }>(
    `select field, value, hlc, rank, outcome, user_name as "user", client_id as "clientId", op_id as "opId",
            received_at as "receivedAt"
     from sync_change_log where record_id = $1 order by hlc, id`,
    [recordId],
  );
  const entries = rows.map((row) => ({
    ...row,
    rank: row.rank === 1 ? (1 as const) : (0 as const),
    receivedAt: row.receivedAt.getTime(),
  }));
  return {
    recordType: found.recordType,
    placement: { subsystemId: found.subsystemId, unitIds: found.unitIds },
    entries,
  };
}
