import type { RecordPlacement, RecordType } from '@core/records';
import type { FieldState, FieldStates, WriteOutcome } from '@core/sync/merge';
import type { JsonValue } from '@core/sync/json-value';
import { setEntry } from '@core/sync/text-keyed';
import type { Queryable } from '../db/database';

/**
 * A record as the server holds it: where it belongs (its placement, core records/record-placement.ts:
 * subsystem 0 for a record of none, units for a visit), where it belonged before, and the merge state
 * of each field.
 */
export interface StoredRecord {
  readonly recordType: RecordType;
  readonly placement: RecordPlacement;
  readonly pastSubsystemIds: readonly number[];
  readonly pastUnitIds: readonly number[];
  readonly states: FieldStates;
}

interface LockTarget {
  readonly recordId: string;
  readonly recordType: RecordType;
  readonly subsystemId: number;
}

/**
 * Locks the batch's records for the transaction, creating a placeholder row for each record the
 * server does not have yet, in one statement: an existing row meets the conflict clause, which locks
 * it (its `where false` only skips the update). Rows are taken in id order so two batches never wait
 * on each other in a cycle. Placeholders left without fields (their ops were rejected) go in
 * `dropEmptyRecords`.
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
     on conflict (record_id) do update set record_id = excluded.record_id where false`,
    [JSON.stringify(rows)],
  );
}

/**
 * The records with their field states, by id; a record the server has no field of is absent. Read
 * after `lockRecords`, in a statement of its own: under READ COMMITTED a statement sees what was
 * committed before it began, so the states are those of the last batch that held the locks.
 *
 * Each record's fields are gathered by a subquery on the record's id, which the planner can only
 * answer from the primary key: as a join, on a young database whose statistics autovacuum has not
 * gathered yet, it hashed the whole field table for every push.
 */
export async function loadRecords(
  tx: Queryable,
  recordIds: readonly string[],
): Promise<Map<string, StoredRecord>> {
  const records = new Map<string, StoredRecord>();
  if (recordIds.length === 0) return records;
  const { rows } = await tx.query<{
    recordId: string;
    recordType: RecordType;
    subsystemId: number;
    unitIds: number[];
    past: number[];
    pastUnits: number[];
    fields: string | null;
  }>(
    `select r.record_id as "recordId", r.record_type as "recordType", r.subsystem_id as "subsystemId",
            r.unit_ids as "unitIds", r.past_subsystem_ids as past, r.past_unit_ids as "pastUnits",
            ${FIELDS_OF_RECORD} as fields
     from sync_records r
     where r.record_id = any($1::uuid[])`,
    [[...new Set(recordIds)]],
  );
  for (const row of rows) {
    if (row.fields === null) continue;
    records.set(row.recordId, {
      recordType: row.recordType,
      placement: { subsystemId: row.subsystemId, unitIds: row.unitIds },
      pastSubsystemIds: row.past,
      pastUnitIds: row.pastUnits,
      states: fieldStatesFromJson(row.fields),
    });
  }
  return records;
}

/**
 * SQL for the field states of the record `r` as JSON text: `[[field, value, hlc, rank, births], …]`
 * in field order, or null when it has none. Read by `fieldStatesFromJson`.
 */
export const FIELDS_OF_RECORD = `(select json_agg(json_build_array(f.field, f.value, f.hlc, f.rank, f.births) order by f.field)
   from sync_field_state f where f.record_id = r.record_id)::text`;

/** One field state as FIELDS_OF_RECORD gives it. */
type FieldTuple = [string, JsonValue, string, number, FieldState['births'] | null];

export function fieldStatesFromJson(json: string): FieldStates {
  const states: Record<string, FieldState> = {};
  for (const [field, value, hlc, rank, births] of JSON.parse(json) as FieldTuple[]) {
    setEntry(
      states,
      field,
      births === null
        ? { value, hlc, rank: rank === 1 ? 1 : 0 }
        : { value, hlc, rank: rank === 1 ? 1 : 0, births },
    );
  }
  return states;
}

/** A record as a batch leaves it: where it belongs now, and the field states that changed. */
export interface RecordUpdate {
  readonly recordId: string;
  readonly record: StoredRecord;
  /** Each changed field once, with its last state in the batch; none when the ops changed nothing. */
  readonly changed: ReadonlyMap<string, FieldState>;
}

/**
 * Stores what a batch changed in ONE statement: the records' rows (where each belongs now), their
 * changed field states, and every accepted write in the change log, numbered in the order given
 * (the history lists writes of one HLC in that order). A record whose state changed gets a null
 * change seq: the commit draws its new one (migration 005).
 */
export async function saveRecordChanges(
  tx: Queryable,
  updates: readonly RecordUpdate[],
  changeLog: readonly ChangeLogRow[],
): Promise<void> {
  if (updates.length === 0 && changeLog.length === 0) return;
  const records = updates.map(({ recordId, record, changed }) => ({
    id: recordId,
    type: record.recordType,
    subsystem: record.placement.subsystemId,
    units: record.placement.unitIds,
    past: record.pastSubsystemIds,
    pastUnits: record.pastUnitIds,
    deleted: record.states.deleted?.value === true,
    changed: changed.size > 0,
  }));
  const fields = updates.flatMap(({ recordId, changed }) =>
    [...changed].map(([field, state]) => ({ recordId, field, ...state })),
  );
  await tx.query(
    `with records as (
       update sync_records r
       set record_type = u.type, subsystem_id = u.subsystem, unit_ids = u.units,
           past_subsystem_ids = u.past, past_unit_ids = u."pastUnits", deleted = u.deleted,
           change_seq = case when u.changed then null else r.change_seq end
       from jsonb_to_recordset($1::jsonb)
            as u(id uuid, type text, subsystem int, units int[], past int[], "pastUnits" int[],
                 deleted boolean, changed boolean)
       where r.record_id = u.id
     ), fields as (
       insert into sync_field_state (record_id, field, value, hlc, rank, births)
       select (f->>'recordId')::uuid, f->>'field', f->'value', f->>'hlc', (f->>'rank')::smallint, f->'births'
       from jsonb_array_elements($2::jsonb) as f
       on conflict (record_id, field) do update
         set value = excluded.value, hlc = excluded.hlc, rank = excluded.rank, births = excluded.births
     )
     insert into sync_change_log (record_id, record_type, field, value, hlc, rank, outcome, op_id,
                                  client_id, seq, user_name, received_at)
     select (c->>'recordId')::uuid, c->>'recordType', c->>'field', c->'value', c->>'hlc',
            (c->>'rank')::smallint, c->>'outcome', (c->>'opId')::uuid, c->>'clientId',
            (c->>'seq')::bigint, c->>'userName', to_timestamp((c->>'receivedAt')::float8 / 1000)
     from jsonb_array_elements($3::jsonb) with ordinality as entries(c, position)
     order by position`,
    [JSON.stringify(records), JSON.stringify(fields), JSON.stringify(changeLog)],
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
