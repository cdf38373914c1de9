import { diffFields, parseRecord } from '@core/records';
import { buildChangeSet, type ChangeSet, type Hlc, type HistoryEntry, type OutboxOp } from '@core/sync';
import {
  forgetCommittedClock,
  lastCommittedClock,
  readClockIn,
  rememberCommittedClock,
  sameClock,
  writeClockIn,
} from '../database/clock';
import { nativeReadWrite, request } from '../database/native-transaction';
import type { YunweiDatabase } from '../database/yunwei-database';
import { syncStateRow, unpackClocks } from '../sync/packed-states';
import { StoreError } from '../errors/store-error';
import { toStoreError } from '../errors/to-store-error';
import { RECORD_KINDS, type StoreRecordType, type StoredRecords } from './record-kinds';
import type { StoredRow } from '../kinds/store-kind';
import { readStoredRow, recordStoreNames, writeStoredRecord } from './record-tables';

export interface SaveRecordInput<K extends StoreRecordType = StoreRecordType> {
  readonly recordType: K;
  /** The record as the caller read it; null for a new record. */
  readonly before: StoredRecords[K] | null;
  /** The record to store. Its `updatedAt` is stamped with `at`. */
  readonly after: StoredRecords[K];
  /** The user id saving (history's “who”). */
  readonly actor: string;
  /** The save instant, epoch ms (history's “when”, the HLC's wall time). */
  readonly at: number;
}

export interface SaveRecordResult<K extends StoreRecordType = StoreRecordType> {
  /** The record as stored now (after an unchanged save: as it was). */
  readonly record: StoredRecords[K];
  /** The record as it was stored before this save; null when the save created it. */
  readonly previous: StoredRecords[K] | null;
  /** One row per changed field; empty when nothing changed. */
  readonly history: HistoryEntry[];
  /** The op queued for sync; null when nothing changed. */
  readonly op: OutboxOp | null;
}

/**
 * Saves one record in ONE read-write transaction: the row (with its index fields), one history row
 * per changed field and one outbox op (core buildChangeSet), and the database's HLC, ticked once. The
 * transaction either commits all of it or nothing. An unchanged record writes nothing. It is a native
 * IndexedDB transaction (database/native-transaction.ts): the save is what the engineer waits on.
 *
 * The diff is taken against the record as stored, not as the caller remembers it: if it changed in
 * between (another window saved it), the save is refused as a conflict rather than overwriting it.
 */
export async function saveRecord<K extends StoreRecordType>(
  db: YunweiDatabase,
  input: SaveRecordInput<K>,
): Promise<SaveRecordResult<K>> {
  const kind = RECORD_KINDS[input.recordType];
  if (db.disconnectedReason !== undefined) throw new StoreError('version', db.disconnectedReason);
  const parsed = parseRecord(kind.schema, { ...input.after, updatedAt: input.at }, kind.label);
  if (!parsed.ok) throw new StoreError('invalid', parsed.reason);
  const after = parsed.value as StoredRecords[K];
  try {
    const known = lastCommittedClock(db);
    const saved =
      known === undefined
        ? await saveAfterReading(db, input, after)
        : await saveOnTrust(db, input, after, known).catch(async (error: unknown) => {
            if (!(error instanceof StaleClock)) throw error;
            forgetCommittedClock(db);
            return saveAfterReading(db, input, after);
          });
    rememberCommittedClock(db, saved.clock);
    return saved.result;
  } catch (error) {
    throw toStoreError(error, `保存${kind.label}`, db.disconnectedReason);
  }
}

interface Saved<K extends StoreRecordType> {
  readonly result: SaveRecordResult<K>;
  readonly clock: Hlc;
}

/** Another window (or a sync) moved the clock since this window last saved: read it and save again. */
class StaleClock extends Error {
  constructor() {
    super('本窗口记住的时钟已过期');
  }
}

function saveStoreNames(db: YunweiDatabase, recordType: StoreRecordType): string[] {
  return [
    ...recordStoreNames(db, recordType),
    db.history.name,
    db.outbox.name,
    db.meta.name,
    db.syncStates.name,
  ];
}

/**
 * The usual save: the change set is built from the record as the caller read it and the clock this
 * window last committed, and every read and write goes to IndexedDB at once, one round trip to the
 * storage process instead of two. The reads check both assumptions; if either fails the transaction
 * aborts before it commits (requests run in order, and a rejected body aborts), so nothing written
 * on a wrong assumption survives.
 */
async function saveOnTrust<K extends StoreRecordType>(
  db: YunweiDatabase,
  input: SaveRecordInput<K>,
  after: StoredRecords[K],
  known: Hlc,
): Promise<Saved<K>> {
  const kind = RECORD_KINDS[input.recordType];
  return nativeReadWrite(db, saveStoreNames(db, input.recordType), async (transaction) => {
    const changes = changeSet(input, after, input.before, known);
    const storedRow = readStoredRow(db, transaction, input.recordType, after);
    const checks = Promise.all([
      storedRow.then((found) => assertUnchangedSinceRead(kind.label, input.before, found?.record ?? null)),
      readClockIn(db, transaction).then((clock) => {
        if (!sameClock(clock, known)) throw new StaleClock();
      }),
    ]);
    await Promise.all([
      checks,
      writeChanges(db, transaction, input, after, input.before, changes),
      keepServerStates(db, transaction, input, changes, storedRow),
    ]);
    return { result: resultOf(input.before, after, changes), clock: changes.clock };
  });
}

/** The first save of a window, or one after another writer moved the clock: read, then write. */
async function saveAfterReading<K extends StoreRecordType>(
  db: YunweiDatabase,
  input: SaveRecordInput<K>,
  after: StoredRecords[K],
): Promise<Saved<K>> {
  const kind = RECORD_KINDS[input.recordType];
  return nativeReadWrite(db, saveStoreNames(db, input.recordType), async (transaction) => {
    const [storedRow, clock] = await Promise.all([
      readStoredRow(db, transaction, input.recordType, after),
      readClockIn(db, transaction),
    ]);
    const stored = storedRow?.record ?? null;
    assertUnchangedSinceRead(kind.label, input.before, stored);
    const changes = changeSet(input, after, stored, clock);
    await Promise.all([
      writeChanges(db, transaction, input, after, stored, changes),
      keepServerStates(db, transaction, input, changes, Promise.resolve(storedRow)),
    ]);
    return { result: resultOf(stored, after, changes), clock: changes.clock };
  });
}

function changeSet<K extends StoreRecordType>(
  input: SaveRecordInput<K>,
  after: StoredRecords[K],
  stored: StoredRecords[K] | null,
  clock: Hlc,
): ChangeSet {
  return buildChangeSet({
    recordType: RECORD_KINDS[input.recordType].coreType,
    recordId: after.id,
    before: stored ?? undefined,
    after,
    actor: input.actor,
    at: input.at,
    clock,
    ignore: ['updatedAt'],
  });
}

async function writeChanges<K extends StoreRecordType>(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  input: SaveRecordInput<K>,
  after: StoredRecords[K],
  stored: StoredRecords[K] | null,
  changes: ChangeSet,
): Promise<void> {
  if (changes.op === undefined) return;
  const history = transaction.objectStore(db.history.name);
  await Promise.all([
    writeStoredRecord(db, transaction, input.recordType, after, input.at, stored),
    ...changes.history.map((entry) => request(() => history.add(entry))),
    request(() => transaction.objectStore(db.outbox.name).add(changes.op)),
    writeClockIn(db, transaction, changes.clock),
  ]);
}

/**
 * A pull keeps a record's server clocks in its row when the record is exactly the server's version
 * (their values are then the record's own, rows/row-types.ts ServerClocks). A save changes the record
 * and writes its row without them, so the states move first into a full `syncStates` row built from
 * the record the save replaces, in the save's transaction. Any other record's states are already in
 * `syncStates` (or it has none): the save reads nothing more.
 */
async function keepServerStates<K extends StoreRecordType>(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  input: SaveRecordInput<K>,
  changes: ChangeSet,
  storedRow: Promise<StoredRow<StoredRecords[K]> | null>,
): Promise<void> {
  if (changes.op === undefined) return;
  const row = await storedRow;
  if (row?.serverClocks === undefined) return;
  const ref = { recordId: row.record.id, recordType: RECORD_KINDS[input.recordType].coreType };
  const states = syncStateRow(ref, unpackClocks(row.serverClocks, row.record));
  await request(() => transaction.objectStore(db.syncStates.name).put(states));
}

function resultOf<K extends StoreRecordType>(
  stored: StoredRecords[K] | null,
  after: StoredRecords[K],
  changes: ChangeSet,
): SaveRecordResult<K> {
  if (changes.op === undefined) return { record: stored ?? after, previous: stored, history: [], op: null };
  return { record: after, previous: stored, history: [...changes.history], op: changes.op };
}

function assertUnchangedSinceRead(label: string, before: object | null, stored: object | null): void {
  if (before === null && stored !== null) {
    throw new StoreError(
      'conflict',
      `这条${label}已经保存过（可能在另一个窗口中）：请刷新后在最新内容上修改。`,
    );
  }
  if (before !== null && stored === null) {
    throw new StoreError(
      'conflict',
      `要修改的${label}在本地数据库中不存在（可能已被另一个窗口重置）：请刷新后重试。`,
    );
  }
  if (before !== null && stored !== null && diffFields(before, stored).length > 0) {
    throw new StoreError(
      'conflict',
      `这条${label}在您打开之后已被修改（可能在另一个窗口中）：为免覆盖他人的修改，本次未保存，请刷新后重新修改。`,
    );
  }
}
