import type { Table } from 'dexie';
import type { YunweiDatabase } from '../database/yunwei-database';

/**
 * How the store keeps one record type, registered by the type's feature folder
 * (`features/tickets/ticket-store-kind.ts`, `features/inspections/inspection-store-kinds.ts`) and read
 * by every transaction and sweep over records (`save/record-tables.ts`).
 */
export interface StoreKind {
  /** Every table a transaction over the type's records must include, companions included. */
  readonly tables: (db: YunweiDatabase) => readonly Table[];
  /** The ids of every stored record of the type (in a transaction over `tables`). */
  readonly ids: (db: YunweiDatabase) => Promise<string[]>;
  /** The ids of the type's records in these subsystems (in a transaction over `tables`). */
  readonly idsInSubsystems: (db: YunweiDatabase, subsystemIds: readonly number[]) => Promise<string[]>;
}
