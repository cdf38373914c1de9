import type { Table } from 'dexie';
import type { YunweiDatabase } from '../database/yunwei-database';
import type { ServerClocks } from '../rows/row-types';

/** A record's row as a save reads it: the record, and the server's clocks if the row holds them. */
export interface StoredRow<Record> {
  readonly record: Record;
  readonly serverClocks?: ServerClocks;
}

/**
 * How the store keeps one record type, registered by the type's feature folder
 * (`features/tickets/ticket-store-kind.ts`, `features/inspections/inspection-store-kinds.ts`) and read
 * by every save, transaction and sweep over records (`save/record-tables.ts`). A save runs on its
 * native transaction (database/native-transaction.ts), by the names Dexie gave the object stores.
 */
export interface StoreKind<Record> {
  /** Every table a transaction over the type's records must include, companions included. */
  readonly tables: (db: YunweiDatabase) => readonly Table[];
  /** The ids of every stored record of the type (in a transaction over `tables`). */
  readonly ids: (db: YunweiDatabase) => Promise<string[]>;
  /** The ids of the type's records in these subsystems (in a transaction over `tables`). */
  readonly idsInSubsystems: (db: YunweiDatabase, subsystemIds: readonly number[]) => Promise<string[]>;
  /** The stored row of `record` (same id), or null; refuses a save the type's keys cannot hold. */
  readonly readStored: (
    db: YunweiDatabase,
    transaction: IDBTransaction,
    record: Record,
  ) => Promise<StoredRow<Record> | null>;
  /** Writes the row of `record` with its derived index fields and its companion rows. */
  readonly writeStored: (
    db: YunweiDatabase,
    transaction: IDBTransaction,
    record: Record,
    now: number,
    stored: Record | null,
  ) => Promise<void>;
}
