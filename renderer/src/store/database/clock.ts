import { encodeHlc, initialHlc, newNodeId, type Hlc } from '@core/sync';
import type { MetaRow } from '../rows/row-types';
import { request } from './native-transaction';
import type { YunweiDatabase } from './yunwei-database';

export const HLC_KEY = 'hlc';

/** The database's HLC; a new database gets its node id with its first save (or first sync). */
export async function readClock(db: YunweiDatabase): Promise<Hlc> {
  return clockOf(await db.meta.get(HLC_KEY));
}

export function writeClock(db: YunweiDatabase, clock: Hlc): Promise<string> {
  return db.meta.put(clockRow(clock));
}

/** `readClock` on a save's native transaction (database/native-transaction.ts). */
export async function readClockIn(db: YunweiDatabase, transaction: IDBTransaction): Promise<Hlc> {
  return clockOf(
    await request<MetaRow | undefined>(() => transaction.objectStore(db.meta.name).get(HLC_KEY)),
  );
}

/** `writeClock` on a save's native transaction. */
export async function writeClockIn(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  clock: Hlc,
): Promise<void> {
  await request(() => transaction.objectStore(db.meta.name).put(clockRow(clock)));
}

function clockOf(row: MetaRow | undefined): Hlc {
  return row?.value ?? initialHlc(newNodeId());
}

function clockRow(clock: Hlc): MetaRow {
  return { key: HLC_KEY, value: clock };
}

/**
 * The clock as this window last committed it, per open database. A save starts from it without
 * reading first and checks it against the stored clock in the same transaction (save-record.ts).
 */
const committedClocks = new WeakMap<YunweiDatabase, Hlc>();

export function lastCommittedClock(db: YunweiDatabase): Hlc | undefined {
  return committedClocks.get(db);
}

export function rememberCommittedClock(db: YunweiDatabase, clock: Hlc): void {
  committedClocks.set(db, clock);
}

export function forgetCommittedClock(db: YunweiDatabase): void {
  committedClocks.delete(db);
}

export function sameClock(a: Hlc, b: Hlc): boolean {
  return encodeHlc(a) === encodeHlc(b);
}
