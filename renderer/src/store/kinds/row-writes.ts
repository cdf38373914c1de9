import type { IndexableType, Table } from 'dexie';

/**
 * How a row that several records share (a month's ticket digests) is changed: decoded once into a
 * draft, changed by every record of the page in turn, encoded once.
 */
export interface RowCodec<Row, Draft> {
  readonly decode: (key: string, row: Row | undefined) => Draft;
  readonly encode: (draft: Draft) => Row;
}

/** The changes to one table's shared rows, by key, in the order they were made. */
class SharedRowEdits<Row, Draft> {
  private readonly changes = new Map<string, ((draft: Draft) => void)[]>();

  constructor(
    private readonly table: Table<Row, string>,
    private readonly codec: RowCodec<Row, Draft>,
  ) {}

  add(key: string, change: (draft: Draft) => void): void {
    const list = this.changes.get(key);
    if (list === undefined) this.changes.set(key, [change]);
    else list.push(change);
  }

  async apply(): Promise<void> {
    const keys = [...this.changes.keys()];
    const stored = await this.table.bulkGet(keys);
    const rows = keys.map((key, index) => {
      const draft = this.codec.decode(key, stored[index]);
      for (const change of this.changes.get(key) ?? []) change(draft);
      return this.codec.encode(draft);
    });
    await this.table.bulkPut(rows);
  }
}

/**
 * Row writes and deletes collected over a pulled page by every record type's store kind, issued
 * together at the end, each table once (sync/record-rows.ts). Deletes go first: a template renumbered
 * by a pull frees its old key before its new row is put.
 */
export class RowWrites {
  private readonly puts = new Map<Table, unknown[]>();
  private readonly deletes = new Map<Table, IndexableType[]>();
  private readonly rangeDeletes: (() => Promise<unknown>)[] = [];
  private readonly edits = new Map<Table, { apply(): Promise<void> }>();

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

  /** A change to a shared row of `table` (keyed by string), applied with the others of its key at flush. */
  edit<Row, Draft>(
    table: Table<Row, string>,
    codec: RowCodec<Row, Draft>,
    key: string,
    change: (draft: Draft) => void,
  ): void {
    let shared = this.edits.get(table) as SharedRowEdits<Row, Draft> | undefined;
    if (shared === undefined) {
      shared = new SharedRowEdits(table, codec);
      this.edits.set(table, shared);
    }
    shared.add(key, change);
  }

  async flush(): Promise<void> {
    await Promise.all([
      ...[...this.deletes].map(([table, keys]) => table.bulkDelete(keys)),
      ...this.rangeDeletes.map((run) => run()),
    ]);
    await Promise.all([
      ...[...this.puts].map(([table, rows]) => table.bulkPut(rows)),
      ...[...this.edits.values()].map((shared) => shared.apply()),
    ]);
  }
}

function listIn<V>(map: Map<Table, V[]>, table: Table): V[] {
  const existing = map.get(table);
  if (existing !== undefined) return existing;
  const list: V[] = [];
  map.set(table, list);
  return list;
}
