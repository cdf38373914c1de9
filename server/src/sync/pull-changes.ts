import { type ScopeContext, type Visibility, checkRead, visibleSubsystems } from '@core/auth';
import { CONTRACT_WIDE, type RecordType } from '@core/records';
import { type PackedStates, packStates } from '@core/sync/packed-states';
import type { PullRequest, PullResponse, PulledRecord } from '@core/sync/protocol';
import type { AuthenticatedUser } from '../auth/authenticate';
import type { Queryable } from '../db/database';
import { ApiError } from '../http/api-error';
import { assertSchemaVersion } from '../http/schema-version';
import { type PullPosition, decodeCursor, encodeCursor } from './pull-cursor';
import { FIELDS_OF_RECORD, fieldStatesFromJson } from './record-store';
import { canSeeSql, visibilityParams } from './visibility-sql';

/**
 * The records changed after the cursor that the user may read, oldest change first, each with all
 * its fields (a record never arrives half). A record edited again later comes again later, at its
 * new position. A record moved out of the user's scope comes as `gone`. What the user reads is canSee
 * (core auth/scope.ts) of each record's placement: its subsystem, or its units (visits).
 */
export async function pullChanges(
  db: Queryable,
  user: AuthenticatedUser,
  request: PullRequest,
  scopeContext: ScopeContext,
): Promise<PullResponse> {
  assertSchemaVersion(request.schemaVersion);
  const visibility = requestedVisibility(user, request, scopeContext);
  const known = knownInstances.get(db) ?? (await readInstanceId(db));
  let read = await readPage(db, request, known, visibility);
  // The database is not the one this process last saw (replaced under it): the cursor is read again
  // against the database's own id.
  if (read.instanceId !== known) read = await readPage(db, request, read.instanceId, visibility);
  knownInstances.set(db, read.instanceId);
  const { instanceId, position, rows } = read;

  const page = rows.slice(0, request.limit);
  const changes = page.map((row): PulledRecord => {
    if (!row.visible) return { kind: 'gone', recordType: row.recordType, recordId: row.recordId };
    return {
      kind: 'record',
      recordType: row.recordType,
      recordId: row.recordId,
      subsystemId: row.subsystemId,
      ...packedFields(row.recordId, row.fields),
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

/** The database's instance id as each database handle last read it: one statement per pull, not two. */
const knownInstances = new WeakMap<Queryable, string>();

interface PageRow {
  readonly recordId: string;
  readonly recordType: RecordType;
  readonly subsystemId: number;
  readonly seq: string;
  /** False for a record moved out of the scope (`gone`): its fields are not read. */
  readonly visible: boolean;
  /** The record's field states as JSON text (null for a record without any: a broken database). */
  readonly fields: string | null;
}

/** The page query's row: the instance id, and a change unless the page is empty. */
type PageQueryRow = { readonly instanceId: string } & (PageRow | { readonly [K in keyof PageRow]: null });

const RECORD_PLACEMENT = { subsystemId: 'r.subsystem_id', unitIds: 'r.unit_ids' };
/** The pull's visibility as the page query's parameters. */
const PULL_VISIBILITY = { all: '$2', subsystemIds: '$3', unitIds: '$4' };
/** SQL: whether the scope ($2–$4) reads the record `r` as it is now. */
const VISIBLE = canSeeSql(RECORD_PLACEMENT, PULL_VISIBILITY);

/**
 * SQL: whether a client at the cursor ($1) may hold the record `r`, which its scope ($2–$4) no longer
 * reads: the record existed at the cursor (committed first at or before it) and was then placed where
 * the scope reads it, i.e. the placement its first move after the cursor left is one the scope reads
 * (migrations 006 and 010). A record that left before the cursor, or that the scope never read, is
 * not `gone` to it: that would repeat at every later edit, and tell a new scope about records it never
 * could read.
 */
const HELD_AT_CURSOR = `(r.first_seq <= $1 and exists (
     select 1 from sync_record_moves m
     where m.record_id = r.record_id
       and ${canSeeSql({ subsystemId: 'm.from_subsystem_id', unitIds: 'm.from_unit_ids' }, PULL_VISIBILITY)}
       and m.moved_seq = (select min(n.moved_seq) from sync_record_moves n
                          where n.record_id = r.record_id and n.moved_seq > $1)))`;

/**
 * SQL: whether the record `r` was ever placed where the scope ($2–$4) may have read it: cheap, from
 * its own row, so HELD_AT_CURSOR is asked only of records that moved out of such a placement.
 */
const LEFT_THE_SCOPE = `(r.past_subsystem_ids && $3::int[] or ${CONTRACT_WIDE} = any(r.past_subsystem_ids)
     or r.past_unit_ids && $4::int[])`;

/**
 * One statement: the database's instance id, and the next `limit + 1` changes the scope covers after
 * the request's cursor (read as `assumedInstanceId`'s), each with its field states as JSON built by
 * the database (a page of 500 tickets is 500 rows, not 10,000 field rows). The instance id comes from
 * the same snapshot, so a cursor is never checked against one database and answered from another:
 * when it differs from the assumed one, the caller reads again.
 */
async function readPage(
  db: Queryable,
  request: PullRequest,
  assumedInstanceId: string,
  visibility: Visibility,
): Promise<{ instanceId: string; position: PullPosition; rows: PageRow[] }> {
  const position = decodeCursor(request.cursor, assumedInstanceId, visibility);
  const limit = request.limit;
  const { rows } = await db.query<PageQueryRow>(
    `select m.instance_id as "instanceId", p.*
     from server_meta m
     left join lateral (
       select r.record_id as "recordId", r.record_type as "recordType", r.subsystem_id as "subsystemId",
              r.change_seq as seq, ${VISIBLE} as visible,
              case when ${VISIBLE} then ${FIELDS_OF_RECORD} end as fields
       from sync_records r
       where r.change_seq > $1
         and (${VISIBLE} or (${LEFT_THE_SCOPE} and ${HELD_AT_CURSOR}))
       order by r.change_seq
       limit $5
     ) p on true
     order by p.seq`,
    [String(position.seq), ...visibilityParams(visibility), limit + 1],
  );
  const instanceId = rows[0]?.instanceId;
  if (instanceId === undefined) throw new Error('数据库没有实例标识（server_meta 为空）');
  const changes = rows.filter((row): row is PageQueryRow & PageRow => row.recordId !== null);
  return { instanceId, position, rows: changes };
}

/**
 * What this pull covers: the user's scope, or the subsystems asked for, each of which must be in it,
 * with the contract-wide records (everyone's) and no unit-scoped ones (they belong to no subsystem).
 */
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
  return {
    all: false,
    subsystemIds: [...new Set(request.subsystemIds)].sort((a, b) => a - b),
    unitIds: [],
  };
}

async function readInstanceId(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ instanceId: string }>(
    'select instance_id as "instanceId" from server_meta',
  );
  const instanceId = rows[0]?.instanceId;
  if (instanceId === undefined) throw new Error('数据库没有实例标识（server_meta 为空）');
  return instanceId;
}

/** A record's field states as the page query gives them, packed as the pull sends them. */
function packedFields(recordId: string, json: string | null): PackedStates {
  // A change row is written with its fields in one transaction; one without is a broken database.
  if (json === null) throw new Error(`记录 ${recordId} 有变更序号但没有字段状态`);
  return packStates(fieldStatesFromJson(json));
}
