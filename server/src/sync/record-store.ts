import type { RecordType } from '@core/records';
import type { FieldState, FieldStates, WriteOutcome } from '@core/sync/merge';
import type { JsonValue } from '@core/sync/json-value';
import type { Queryable } from '../db/database';

/** A record as the server holds it: where it belongs and the merge state of each field. */
export interface StoredRecord {
  readonly recordType: RecordType;
  readonly subsystemId: number;
  readonly pastSubsystemIds: readonly number[];
  readonly states: FieldStates;
}

interface LockTarget {
  readonly recordId: string;
  readonly recordType: RecordType;
  readonly subsystemId: number;
}

/**
 * Locks the batch's records for the transaction, creating a placeholder row for each record the
 * server does not have yet. Rows are taken in id order so two batches never wait on each other in a
 * cycle. Placeholders left without fields (their ops were rejected) go in `dropEmptyRecords`.
 */
export async function lockRecords(tx: Queryable, targets: readonly LockTarget[]): Promise<void> {
  if (targets.length === 0) return;
  const byId = new Map<string, LockTarget>();
  for (const target of targets) if (!byId.has(target.recordId)) byId.set(target.recordId, target);
  const rows = [...byId.values()].map((t) => ({
    id: t.recordId,
    type: t.recordType,
    subsystem: t.subsystemId,
  }));
  await tx.query(
    `insert into sync_records (record_id, record_type, subsystem_id)
     select id, type, subsystem from jsonb_to_recordset($1::jsonb) as r(id uuid, type text, subsystem int)
     order by id
     on conflict (record_id) do nothing`,
    [JSON.stringify(rows)],
  );
  await tx.query(
    'select record_id from sync_records where record_id = any($1::uuid[]) order by record_id for update',
    [[...byId.keys()]],
  );
}

/** The record with its field states; undefined when the server has no field of it. */
export async function loadRecord(tx: Queryable, recordId: string): Promise<StoredRecord | undefined> {
  const { rows } = await tx.query<{
    recordType: RecordType;
    subsystemId: number;
    past: number[];
    field: string;
    value: JsonValue;
    hlc: string;
    rank: number;
    births: FieldState['births'] | null;
  }>(
    `select r.record_type as "recordType", r.subsystem_id as "subsystemId", r.past_subsystem_ids as past,
            f.field, f.value, f.hlc, f.rank, f.births
     from sync_records r join sync_field_state f on f.record_id = r.record_id
     where r.record_id = $1`,
    [recordId],
  );
  const first = rows[0];
  if (first === undefined) return undefined;
  const states: Record<string, FieldState> = {};
  for (const row of rows) {
    const state: FieldState = { value: row.value, hlc: row.hlc, rank: row.rank === 1 ? 1 : 0 };
    states[row.field] = row.births === null ? state : { ...state, births: row.births };
  }
  return {
    recordType: first.recordType,
    subsystemId: first.subsystemId,
    pastSubsystemIds: first.past,
    states,
  };
}

export interface RecordUpdate {
  readonly recordId: string;
  readonly recordType: RecordType;
  readonly subsystemId: number;
  readonly pastSubsystemIds: readonly number[];
  readonly deleted: boolean;
  /** Only the fields whose state changed. */
  readonly changed: readonly (readonly [string, FieldState])[];
}

export async function saveRecord(tx: Queryable, update: RecordUpdate): Promise<void> {
  await tx.query(
    `update sync_records set record_type = $2, subsystem_id = $3, past_subsystem_ids = $4, deleted = $5
     where record_id = $1`,
    [update.recordId, update.recordType, update.subsystemId, [...update.pastSubsystemIds], update.deleted],
  );
  if (update.changed.length === 0) return;
  const rows = update.changed.map(([field, state]) => ({ field, ...state }));
  await tx.query(
    `insert into sync_field_state (record_id, field, value, hlc, rank, births)
     select $1::uuid, f->>'field', f->'value', f->>'hlc', (f->>'rank')::smallint, f->'births'
     from jsonb_array_elements($2::jsonb) as f
     on conflict (record_id, field) do update
       set value = excluded.value, hlc = excluded.hlc, rank = excluded.rank, births = excluded.births`,
    [update.recordId, JSON.stringify(rows)],
  );
}

export interface ChangeLogRow {
  readonly recordId: string;
  readonly recordType: RecordType;
  readonly field: string;
  readonly value: JsonValue;
  readonly hlc: string;
  readonly rank: 0 | 1;
  readonly outcome: WriteOutcome;
  readonly opId: string;
  readonly clientId: string;
  readonly seq: number;
  readonly userName: string;
  readonly receivedAt: number;
}

/** Every accepted write, winner or loser: the server's history of the record. */
export async function appendChangeLog(tx: Queryable, rows: readonly ChangeLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into sync_change_log (record_id, record_type, field, value, hlc, rank, outcome, op_id,
                                  client_id, seq, user_name, received_at)
     select (c->>'recordId')::uuid, c->>'recordType', c->>'field', c->'value', c->>'hlc',
            (c->>'rank')::smallint, c->>'outcome', (c->>'opId')::uuid, c->>'clientId',
            (c->>'seq')::bigint, c->>'userName', to_timestamp((c->>'receivedAt')::float8 / 1000)
     from jsonb_array_elements($1::jsonb) as c`,
    [JSON.stringify(rows)],
  );
}

/** Removes the placeholders of records whose every op was rejected. */
export async function dropEmptyRecords(tx: Queryable, recordIds: readonly string[]): Promise<void> {
  if (recordIds.length === 0) return;
  await tx.query(
    `delete from sync_records r
     where r.record_id = any($1::uuid[])
       and not exists (select 1 from sync_field_state f where f.record_id = r.record_id)`,
    [[...new Set(recordIds)]],
  );
}

/** Any constant unique to this use among the database's advisory locks. */
const CHANGE_SEQ_LOCK_KEY = 0x7977_7371;

/**
 * Gives the changed records new change sequence numbers, in commit order: the advisory lock is held
 * from here to the commit, so no transaction can commit a smaller number after a pull has seen a
 * greater one. Returns the greatest number given.
 */
export async function assignChangeSeqs(
  tx: Queryable,
  recordIds: readonly string[],
): Promise<number | undefined> {
  if (recordIds.length === 0) return undefined;
  await tx.query(`select pg_advisory_xact_lock(${CHANGE_SEQ_LOCK_KEY})`);
  const { rows } = await tx.query<{ seq: string }>(
    `update sync_records set change_seq = nextval('sync_change_seq')
     where record_id = any($1::uuid[]) returning change_seq as seq`,
    [[...recordIds]],
  );
  return Math.max(...rows.map((row) => Number(row.seq)));
}
