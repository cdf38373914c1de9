import { type ScopeContext, type Visibility, checkRead, visibleSubsystems } from '@core/auth';
import type { RecordType } from '@core/records';
import type { JsonValue } from '@core/sync/json-value';
import type { EventBirth, FieldState } from '@core/sync/merge';
import { type PackedStates, packStates } from '@core/sync/packed-states';
import type { PullRequest, PullResponse, PulledRecord } from '@core/sync/protocol';
import type { AuthenticatedUser } from '../auth/authenticate';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { assertSchemaVersion } from '../http/schema-version';
import { decodeCursor, encodeCursor } from './pull-cursor';

/**
 * The records changed after the cursor that the user may read, oldest change first, each with all
 * its fields (a record never arrives half). A record edited again later comes again later, at its
 * new position. A record moved out of the user's scope comes as `gone`.
 */
export async function pullChanges(
  db: Queryable,
  user: AuthenticatedUser,
  request: PullRequest,
  scopeContext: ScopeContext,
): Promise<PullResponse> {
  assertSchemaVersion(request.schemaVersion);
  const visibility = requestedVisibility(user, request, scopeContext);
  const instanceId = await readInstanceId(db);
  const position = decodeCursor(request.cursor, instanceId, visibility);
  const ids = visibility.all ? [] : [...visibility.subsystemIds];

  const { rows } = await db.query<{
    recordId: string;
    recordType: RecordType;
    subsystemId: number;
    seq: string;
  }>(
    `select record_id as "recordId", record_type as "recordType", subsystem_id as "subsystemId",
            change_seq as seq
     from sync_records
     where change_seq > $1
       and ($2 or subsystem_id = any($3::int[]) or past_subsystem_ids && $3::int[])
     order by change_seq
     limit $4`,
    [String(position.seq), visibility.all, ids, request.limit + 1],
  );
  const page = rows.slice(0, request.limit);
  const visible = page.filter((row) => visibility.all || ids.includes(row.subsystemId));
  const fields = await readFields(
    db,
    visible.map((row) => row.recordId),
  );
  const changes = page.map((row): PulledRecord => {
    if (!visibility.all && !ids.includes(row.subsystemId)) {
      return { kind: 'gone', recordType: row.recordType, recordId: row.recordId };
    }
    const states = fields.get(row.recordId);
    // A change row is written with its fields in one transaction; one without is a broken database.
    if (states === undefined) throw new Error(`记录 ${row.recordId} 有变更序号但没有字段状态`);
    return {
      kind: 'record',
      recordType: row.recordType,
      recordId: row.recordId,
      subsystemId: row.subsystemId,
      ...states,
    };
  });
  const lastSeq = page.at(-1)?.seq;
  return {
    changes,
    cursor: encodeCursor(instanceId, visibility, lastSeq === undefined ? position.seq : Number(lastSeq)),
    hasMore: rows.length > request.limit,
    reset: position.reset,
  };
}

/** What this pull covers: the user's scope, or the subsystems asked for, each of which must be in it. */
function requestedVisibility(
  user: AuthenticatedUser,
  request: PullRequest,
  context: ScopeContext,
): Visibility {
  if (request.subsystemIds === undefined) return visibleSubsystems(user.scope, context);
  for (const subsystemId of request.subsystemIds) {
    const decision = checkRead(user.scope, subsystemId, context);
    if (!decision.ok) throw new ApiError(403, 'forbidden', decision.reason);
  }
  return { all: false, subsystemIds: [...new Set(request.subsystemIds)].sort((a, b) => a - b) };
}

async function readInstanceId(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ instanceId: string }>(
    'select instance_id as "instanceId" from server_meta',
  );
  const instanceId = rows[0]?.instanceId;
  if (instanceId === undefined) throw new Error('数据库没有实例标识（server_meta 为空）');
  return instanceId;
}

/** One field state as the page query returns it: `[field, value, hlc, rank, births]`. */
type FieldTuple = [string, JsonValue, string, number, Record<string, EventBirth> | null];

/**
 * Every field state of the page's records, packed per record as the pull sends them. Read in ONE
 * row: the page as a JSON object (record id → its fields' tuples) built by the database. Read as rows,
 * a page of 1,000 tickets was 21,000 rows, and turning each into a JS object cost PGlite about 200 ms
 * a page; the JSON text is parsed once.
 */
async function readFields(db: Queryable, recordIds: readonly string[]): Promise<Map<string, PackedStates>> {
  const byRecord = new Map<string, PackedStates>();
  if (recordIds.length === 0) return byRecord;
  const { rows } = await db.query<{ page: string | null }>(
    `select json_object_agg(record_id, fields)::text as page
     from (select record_id, json_agg(json_build_array(field, value, hlc, rank, births) order by field) as fields
           from sync_field_state
           where record_id = any($1::uuid[])
           group by record_id) as per_record`,
    [[...recordIds]],
  );
  const page = rows[0]?.page;
  if (page === null || page === undefined) return byRecord;
  const tuples = JSON.parse(page) as Record<string, FieldTuple[]>;
  for (const [recordId, fields] of Object.entries(tuples)) {
    const states: Record<string, FieldState> = {};
    for (const [field, value, hlc, rank, births] of fields) {
      states[field] =
        births === null
          ? { value, hlc, rank: rank === 1 ? 1 : 0 }
          : { value, hlc, rank: rank === 1 ? 1 : 0, births };
    }
    byRecord.set(recordId, packStates(states));
  }
  return byRecord;
}
