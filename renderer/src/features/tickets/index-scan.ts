/**
 * Reads an IndexedDB index range in key order, resuming strictly after a (key, primary key) position,
 * accepting rows until enough are found or a scan budget is used up. Uses the raw cursor because
 * `continuePrimaryKey` jumps straight to the position: resuming after thousands of equal keys (every
 * closed ticket shares the "no deadline" key) costs nothing, where skipping them one by one would not.
 */
export interface ScanPosition {
  readonly key: IDBValidKey;
  readonly primaryKey: IDBValidKey;
}

export interface ScanResult<Row> {
  readonly rows: Row[];
  /** The last entry looked at, or null when the range was read to its end. */
  readonly stoppedAt: ScanPosition | null;
}

export interface ScanRequest<Row> {
  readonly index: IDBIndex;
  readonly range: IDBKeyRange;
  /** Resume strictly after this position; null to start at the range's beginning. */
  readonly after: ScanPosition | null;
  readonly limit: number;
  /** How many entries to look at, at most, before returning what was found. */
  readonly budget: number;
  readonly accept: (row: Row) => boolean;
}

export function scanIndex<Row>(request: ScanRequest<Row>): Promise<ScanResult<Row>> {
  const { index, range, after, limit, budget, accept } = request;
  const factory = indexedDB;
  return new Promise((resolve, reject) => {
    const rows: Row[] = [];
    let scanned = 0;
    let positioned = after === null;
    const cursorRequest = index.openCursor(range);
    cursorRequest.onerror = () => reject(cursorRequest.error ?? new Error('读取索引失败'));
    cursorRequest.onsuccess = () => {
      const cursor = cursorRequest.result;
      if (cursor === null) {
        resolve({ rows, stoppedAt: null });
        return;
      }
      if (!positioned && after !== null) {
        const order = factory.cmp(cursor.key, after.key) || factory.cmp(cursor.primaryKey, after.primaryKey);
        if (order < 0) {
          cursor.continuePrimaryKey(after.key, after.primaryKey);
          return;
        }
        positioned = true;
        if (order === 0) {
          cursor.continue();
          return;
        }
      }
      scanned += 1;
      const row = cursor.value as Row;
      if (accept(row)) rows.push(row);
      if (rows.length >= limit || scanned >= budget) {
        resolve({ rows, stoppedAt: { key: cursor.key, primaryKey: cursor.primaryKey } });
        return;
      }
      cursor.continue();
    };
  });
}
