import type { InspectionTemplate } from '@core/records';
import { decodeHlc, receive } from '@core/sync';
import { type FieldState, type FieldStates, mergeStates } from '@core/sync/merge';
import { unpackStates } from '@core/sync/packed-states';
import type { PullResponse, PulledRecord } from '@core/sync/protocol';
import { readClock, writeClock } from '../database/clock';
import type { YunweiDatabase } from '../database/yunwei-database';
import { toStoreError } from '../errors/to-store-error';
import type { OutboxRow, SyncProblemRow } from '../rows/row-types';
import { STORE_TYPE_OF, type StoreRecordType } from '../save/record-kinds';
import { recordTables, storedRecordIds, storedRecordsOutside } from '../save/record-tables';
import { replayOps } from './field-states';
import { rowClocks } from './packed-states';
import { serverStatesOf } from './read-server-states';
import { readPendingOps } from './pending-ops';
import {
  type LocalRecord,
  RecordRowBatch,
  type RecordRef,
  type Shown,
  readLocalRecords,
  showStates,
  templateKeyConflict,
} from './record-rows';
import { SYNC_META_KEY, syncMetaInTransaction } from './sync-meta';

/** Who history says changed a field when the change came with a pull (the server knows the author). */
export const SYNC_ACTOR = '同步';

export interface SyncedRecord {
  readonly recordType: StoreRecordType;
  readonly recordId: string;
}

export interface AppliedPage {
  /** Records whose local row changed or went: the caches to refresh. */
  readonly changed: readonly SyncedRecord[];
  /** Records of this page that could not be shown (see `syncProblems`). */
  readonly problems: number;
}

export interface ApplyPullOptions {
  /** The instant of the apply (history's “when”, the clock's wall time). */
  readonly at: number;
  /** The subsystems the signed-in user may read (null: all); a `reset` page drops records outside. */
  readonly visibleSubsystemIds: readonly number[] | null;
  /** The units whose visits a service manager reads; none for other roles. */
  readonly visibleUnitIds?: readonly number[];
  /**
   * Write tickets without their search rows and leave them to the backlog walk (an initial sync):
   * the page's tickets are listed and found by search at once, search scanning rows until the walk
   * is done (search/search-backlog.ts).
   */
  readonly deferSearch?: boolean;
  /**
   * Every record this PC may hold anything of (row, states, queued or rejected op), when the caller
   * knows (`localRecordIds`, kept up to date with each applied page): pulled records outside it are
   * written without reading first. An initial sync's pages are almost all new, and reading a thousand
   * absent keys per page cost a fifth of its time.
   */
  readonly localIds?: ReadonlySet<string>;
}

/** Every table a pulled page may touch. */
function pullTables(db: YunweiDatabase) {
  return [
    ...recordTables(db),
    db.history,
    db.outbox,
    db.rejections,
    db.syncStates,
    db.syncMeta,
    db.syncProblems,
    db.meta,
  ];
}

/**
 * A page with the work that needs no database done: its records as field states, and every record
 * this PC has never held (outside `localIds`) merged, validated and turned into rows. A sync prepares
 * the next page while the previous one commits (sync/sync-engine.ts); `applyPreparedPage` writes it.
 */
export interface PreparedPage {
  readonly page: PullResponse;
  readonly options: ApplyPullOptions;
  readonly incoming: ReadonlyMap<string, IncomingRecord>;
  /** The records placed already: not read, merged or validated again in the transaction. */
  readonly placedIds: ReadonlySet<string>;
  readonly writes: PageWrites;
}

/** What a page writes, collected record by record, issued together at the end of its transaction. */
interface PageWrites {
  readonly batch: RecordRowBatch;
  readonly problems: SyncProblemRow[];
  readonly shownIds: string[];
  readonly changed: SyncedRecord[];
}

/**
 * Applies one pull page in ONE transaction (docs/sync-protocol.md §5): each pulled record's field
 * states merge into the server states this PC knows; the local writes still pending (outbox and
 * rejections) are merged on top by the same rule; the result is validated with the record's core
 * schema and written (row, search row, one history row per changed field, states). A record that
 * fails validation is not shown: its server states are kept and a sync problem says why. A `gone`
 * record's local copy is dropped. The cursor is stored in the same transaction, so a page is applied
 * whole or not at all and pulling it again is harmless.
 */
export function applyPulledPage(
  db: YunweiDatabase,
  page: PullResponse,
  options: ApplyPullOptions,
): Promise<AppliedPage> {
  return applyPreparedPage(db, preparePulledPage(db, page, options));
}

export function preparePulledPage(
  db: YunweiDatabase,
  page: PullResponse,
  options: ApplyPullOptions,
): PreparedPage {
  const incoming = incomingStates(page.changes);
  const writes: PageWrites = {
    batch: new RecordRowBatch(db, options.at, options.deferSearch === true),
    problems: [],
    shownIds: [],
    changed: [],
  };
  const placedIds = new Set<string>();
  const { localIds } = options;
  if (localIds !== undefined) {
    for (const pulled of incoming.values()) {
      // A template's version key may be held by another record: only the transaction can tell.
      if (localIds.has(pulled.recordId) || pulled.recordType === 'inspection_template') continue;
      const server = mergeStates(pulled.recordType, {}, pulled.states);
      placeRecord(writes, mergePulled(pulled, server, [], undefined, false, options.at), options.at);
      placedIds.add(pulled.recordId);
    }
  }
  return { page, options, incoming, placedIds, writes };
}

export async function applyPreparedPage(db: YunweiDatabase, prepared: PreparedPage): Promise<AppliedPage> {
  const { page, options, incoming, placedIds, writes } = prepared;
  try {
    return await db.transaction('rw', pullTables(db), async () => {
      const meta = await syncMetaInTransaction(db);
      // After a `reset`, records the user may no longer read (core canSee: another subsystem, a visit to
      // units no longer theirs) will not come again: they go, except those with local writes still
      // pending (the push will say why it is refused).
      const gone: RecordRef[] =
        page.reset && options.visibleSubsystemIds !== null
          ? await storedRecordsOutside(db, {
              all: false,
              subsystemIds: options.visibleSubsystemIds,
              unitIds: options.visibleUnitIds ?? [],
            })
          : [];
      for (const change of page.changes) if (change.kind === 'gone') gone.push(change);

      const { localIds } = options;
      const refs = [...incoming.values(), ...gone].filter(
        (ref) => !placedIds.has(ref.recordId) && (localIds === undefined || localIds.has(ref.recordId)),
      );
      const ids = refs.map((ref) => ref.recordId);
      const [stateRows, stored, pending, problemIds] = await Promise.all([
        db.syncStates.bulkGet(ids),
        readLocalRecords(db, refs),
        readPendingOps(db, ids),
        // Few or none: deleting only these spares a page a thousand deletes of nothing.
        db.syncProblems.toCollection().primaryKeys(),
      ]);
      const stateRowOf = new Map(ids.map((id, index) => [id, stateRows[index]]));
      await advanceClock(db, [...incoming.values()], options.at);

      for (const pulled of incoming.values()) {
        if (placedIds.has(pulled.recordId)) continue;
        const local = stored.get(pulled.recordId);
        const stateRow = stateRowOf.get(pulled.recordId);
        const server = mergeStates(pulled.recordType, serverStatesOf(stateRow, local), pulled.states);
        const ops = pending.get(pulled.recordId) ?? [];
        const hasStateRow = stateRow !== undefined;
        const merged = mergePulled(pulled, server, ops, local, hasStateRow, options.at);
        const conflict =
          merged.shown.ok && pulled.recordType === 'inspection_template'
            ? await templateKeyConflict(db, merged.shown.record as InspectionTemplate)
            : undefined;
        placeRecord(writes, merged, options.at, conflict);
      }
      const keptGone = gone.filter((ref) => (pending.get(ref.recordId) ?? []).length === 0);
      for (const ref of keptGone) {
        writes.batch.remove(ref, stored.get(ref.recordId));
        writes.changed.push({ recordType: STORE_TYPE_OF[ref.recordType], recordId: ref.recordId });
      }

      await writes.batch.flush();
      await Promise.all([
        db.syncProblems.bulkDelete(
          solvedProblems(problemIds, [...writes.shownIds, ...keptGone.map((ref) => ref.recordId)]),
        ),
        db.syncProblems.bulkPut(writes.problems),
        db.syncMeta.put({
          ...meta,
          key: SYNC_META_KEY,
          cursor: page.cursor,
          // The walk starts over: tickets of this page may sort before where it had got to.
          ...(options.deferSearch === true ? { searchBacklog: { after: null, indexed: 0 } } : {}),
        }),
      ]);
      return { changed: writes.changed, problems: writes.problems.length };
    });
  } catch (error) {
    throw toStoreError(error, '写入同步收到的记录', db.disconnectedReason);
  }
}

/** A pulled record as this PC will show it: its server states with the writes still pending on top. */
interface MergedRecord {
  readonly pulled: IncomingRecord;
  readonly server: FieldStates;
  readonly pendingOps: number;
  readonly stored: LocalRecord | undefined;
  /** Whether the record has a `syncStates` row now. */
  readonly hasStateRow: boolean;
  /** Validated, with one history row per field that differs from `stored`. */
  readonly shown: Shown;
}

function mergePulled(
  pulled: IncomingRecord,
  server: FieldStates,
  ops: readonly OutboxRow[],
  stored: LocalRecord | undefined,
  hasStateRow: boolean,
  at: number,
): MergedRecord {
  const local = ops.length === 0 ? server : replayOps(pulled.recordType, server, ops);
  const shown = showStates(pulled, local, stored, { actor: SYNC_ACTOR, at });
  return { pulled, server, pendingOps: ops.length, stored, hasStateRow, shown };
}

/**
 * A merged record into the page's writes: shown (row, history, states) or, when it breaks its schema
 * or its template key is taken (`conflict`), kept as server states with a problem saying why. A record
 * shown exactly as the server has it keeps the server's clocks in its row (row-types.ts ServerClocks).
 */
function placeRecord(writes: PageWrites, merged: MergedRecord, at: number, conflict?: string): void {
  const { pulled, server, pendingOps, stored, hasStateRow, shown } = merged;
  if (!shown.ok || conflict !== undefined) {
    // The server's states are valid (it checked them): keep them, show the last valid version. Its
    // row's clocks, if any, described that version as the server's: the row gives them up.
    if (stored?.serverClocks === undefined) writes.batch.putStates(pulled, server);
    else writes.batch.put(pulled, stored.record, stored, { full: server });
    writes.problems.push({
      recordId: pulled.recordId,
      recordType: pulled.recordType,
      reason: problemReason(shown.ok ? (conflict ?? '') : shown.reason, pendingOps > 0),
      at,
    });
    return;
  }
  const clocks = rowClocks(server, shown.record, pendingOps);
  writes.batch.put(
    pulled,
    shown.record,
    stored,
    clocks === undefined ? { full: server } : { inRow: clocks, replacesStateRow: hasStateRow },
  );
  writes.batch.history.push(...shown.history);
  writes.shownIds.push(pulled.recordId);
  writes.changed.push({ recordType: STORE_TYPE_OF[pulled.recordType], recordId: pulled.recordId });
}

/** The problems this page settles: records it showed or dropped that had one. */
function solvedProblems(problemIds: readonly string[], settled: readonly string[]): string[] {
  if (problemIds.length === 0) return [];
  const had = new Set(problemIds);
  return settled.filter((recordId) => had.has(recordId));
}

interface IncomingRecord extends RecordRef {
  readonly states: Record<string, FieldState>;
}

/** The page's records as field states, by id (a record listed twice merges both). */
function incomingStates(changes: readonly PulledRecord[]): Map<string, IncomingRecord> {
  const byId = new Map<string, IncomingRecord>();
  for (const change of changes) {
    if (change.kind !== 'record') continue;
    const states = unpackStates(change);
    const earlier = byId.get(change.recordId);
    byId.set(change.recordId, {
      recordType: change.recordType,
      recordId: change.recordId,
      states: earlier === undefined ? states : { ...mergeStates(change.recordType, earlier.states, states) },
    });
  }
  return byId;
}

/**
 * The ids of every record this PC holds anything of: rows, server states, queued and rejected ops.
 * Read once before an initial sync (`ApplyPullOptions.localIds`); cheap then, the database being new.
 */
export async function localRecordIds(db: YunweiDatabase): Promise<Set<string>> {
  try {
    return await db.transaction(
      'r',
      [...recordTables(db), db.syncStates, db.outbox, db.rejections],
      async () => {
        const lists = await Promise.all([
          storedRecordIds(db),
          db.syncStates.toCollection().primaryKeys(),
          db.outbox.orderBy('recordId').keys(),
          db.rejections.orderBy('recordId').keys(),
        ]);
        return new Set(lists.flat().map(String));
      },
    );
  } catch (error) {
    throw toStoreError(error, '读取本机已有的记录', db.disconnectedReason);
  }
}

function problemReason(reason: string, hasPendingWrites: boolean): string {
  if (!hasPendingWrites) return `服务器上的新版本无法在本机显示：${reason}`;
  return `服务器上的新版本与本机尚未同步成功的修改合并后无效：${reason}。本机暂时显示合并前的内容；请修改这条记录后重新同步，或在“被拒绝的修改”中放弃本机的修改`;
}

/**
 * The clock moves past every pulled write, so this PC's next save sorts after what it has seen. The
 * server already refused writes from clocks more than 5 minutes ahead of its own, so no drift limit
 * is applied here: a PC whose clock is behind the server's must still take the server's records.
 */
async function advanceClock(
  db: YunweiDatabase,
  records: readonly IncomingRecord[],
  at: number,
): Promise<void> {
  let latest: string | undefined;
  for (const record of records) {
    for (const state of Object.values(record.states))
      if (latest === undefined || state.hlc > latest) latest = state.hlc;
  }
  if (latest === undefined) return;
  const clock = await readClock(db);
  await writeClock(db, receive(clock, decodeHlc(latest), at, { maxDriftMs: Number.POSITIVE_INFINITY }));
}

export type { LocalRecord };
