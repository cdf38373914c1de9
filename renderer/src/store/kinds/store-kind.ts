import type { Table } from 'dexie';
import type { Visibility } from '@core/auth';
import type { YunweiDatabase } from '../database/yunwei-database';
import type { ServerClocks } from '../rows/row-types';
import type { RowWrites } from './row-writes';

/** A record's row as a save reads it: the record, and the server's clocks if the row holds them. */
export interface StoredRow<Record> {
  readonly record: Record;
  readonly serverClocks?: ServerClocks;
}

/** A record as this PC stores it, with the key its row is stored under when that is not its id. */
export interface LocalRow<Record> extends StoredRow<Record> {
  readonly id: string;
  /** A template's row key (`<templateId>@<version>`); null when the row is keyed by the record's id. */
  readonly key: string | null;
}

/** What a pull writes for one record besides its server states. */
export interface PulledRecord<Record> {
  readonly record: Record;
  /** The version this PC stored before the pull, if any. */
  readonly stored: LocalRow<Record> | undefined;
  /** The server's clocks to keep in the row, when the row is exactly the server's version. */
  readonly serverClocks: ServerClocks | undefined;
  readonly now: number;
  /** Leave companion rows that an initial sync defers (a ticket's search rows, search/search-backlog.ts). */
  readonly deferCompanions: boolean;
}

/**
 * How the store keeps one record type, registered by the type's feature folder
 * (`features/tickets/ticket-store-kind.ts`, `features/trainings/training-store-kind.ts`) and read by
 * every save, pull, transaction and sweep over records (`save/record-tables.ts`). A save runs on its
 * native transaction (database/native-transaction.ts), by the names Dexie gave the object stores; a
 * pull collects its rows in a RowWrites and writes them with Dexie's bulk calls.
 */
export interface StoreKind<Record> {
  /** The app's route that opens a record of the type (a refused change links there). */
  readonly pathOf: (recordId: string) => string;
  /** Every table a transaction over the type's records must include, companions included. */
  readonly tables: (db: YunweiDatabase) => readonly Table[];
  /** The ids of every stored record of the type (in a transaction over `tables`). */
  readonly ids: (db: YunweiDatabase) => Promise<string[]>;
  /** The ids of the type's records a user with this visibility may not read (in a transaction over `tables`). */
  readonly idsOutside: (db: YunweiDatabase, visibility: Visibility) => Promise<string[]>;
  /** The stored rows of these record ids that exist (in a Dexie transaction over `tables`). */
  readonly readLocal: (db: YunweiDatabase, ids: readonly string[]) => Promise<LocalRow<Record>[]>;
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
  /** Adds the rows of a pulled record (and its companions) to the page's writes. */
  readonly putPulled: (db: YunweiDatabase, writes: RowWrites, pulled: PulledRecord<Record>) => void;
  /** Adds the deletes of a record the pull removes (it became invisible to this user). */
  readonly removePulled: (
    db: YunweiDatabase,
    writes: RowWrites,
    recordId: string,
    stored: LocalRow<Record> | undefined,
  ) => void;
}
