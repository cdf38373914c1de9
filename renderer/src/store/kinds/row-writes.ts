import type { IndexableType, Table } from 'dexie';

/**
 * Row writes and deletes collected over a pulled page by every record type's store kind, issued
 * together at the end, each table once (sync/record-rows.ts). Deletes go first: a template renumbered
 * by a pull frees its old key before its new row is put.
 */
export class RowWrites {
  private readonly puts = new Map<Table, unknown[]>();
  private readonly deletes = new Map<Table, IndexableType[]>();
  private readonly rangeDeletes: (() => Promise<unknown>)[] = [];

  put(table: Table, row: unknown): void {
    listIn(this.puts, table).push(row);
  }

  delete(table: Table, key: IndexableType): void {
    listIn(this.deletes, table).push(key);
  }

  /** A delete that is not by primary keys (a ticket's search rows, by key range). */
  deleteWith(run: () => Promise<unknown>): void {
    this.rangeDeletes.push(run);
  }

  async flush(): Promise<void> {
    await Promise.all([
      ...[...this.deletes].map(([table, keys]) => table.bulkDelete(keys)),
      ...this.rangeDeletes.map((run) => run()),
    ]);
    await Promise.all([...this.puts].map(([table, rows]) => table.bulkPut(rows)));
  }
}

function listIn<V>(map: Map<Table, V[]>, table: Table): V[] {
  const existing = map.get(table);
  if (existing !== undefined) return existing;
  const list: V[] = [];
  map.set(table, list);
  return list;
}
