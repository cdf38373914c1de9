import type { IndexableType, Table } from 'dexie';

/**
 * Index reads that stay fast at 200,000 rows. IndexedDB's `count()` and a `nextunique` walk both visit
 * every entry of the range (in Chromium, each with a check against its record): on the tickets table
 * that is ~0.4 s and ~1.2 s, enough to hold back every other read of the page behind them.
 */

/** Whether the table holds any row: reads at most one key. */
export async function hasRows(table: Table): Promise<boolean> {
  return (await table.limit(1).primaryKeys()).length > 0;
}

/**
 * The distinct keys of an index, in order, by skip-scan: one short key read per distinct value
 * (e.g. the few assignees among 200,000 tickets) instead of a walk over every entry.
 */
export async function distinctIndexKeys(table: Table, index: string): Promise<IndexableType[]> {
  const keys: IndexableType[] = [];
  let next = await table.orderBy(index).limit(1).keys();
  while (next.length > 0) {
    const key = next[0] as IndexableType;
    keys.push(key);
    next = await table.where(index).above(key).limit(1).keys();
  }
  return keys;
}

/**
 * The next `limit` rows after primary key `after` (from the start when null), in key order: one step
 * of a walk over a whole table in bounded chunks (upgrades, the search backlog).
 */
export function rowsAfterKey<Row>(
  table: Table<Row, string>,
  after: string | null,
  limit: number,
): Promise<Row[]> {
  const range = after === null ? table.orderBy(':id') : table.where(':id').above(after);
  return range.limit(limit).toArray();
}
