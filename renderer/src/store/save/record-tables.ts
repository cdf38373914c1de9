import type { Table } from 'dexie';
import type { Visibility } from '@core/auth';
import {
  inspectionRunStoreKind,
  inspectionTemplateStoreKind,
} from '../../features/inspections/inspection-store-kinds';
import { ticketStoreKind } from '../../features/tickets/ticket-store-kind';
import {
  dutyAssignmentStoreKind,
  dutyLogStoreKind,
  dutySwapStoreKind,
  sensitivePeriodStoreKind,
} from '../../features/duty/duty-store-kinds';
import { reportSubmissionStoreKind } from '../../features/dashboard/report-submission-store-kind';
import { onSiteDayStoreKind } from '../../features/onsite/onsite-store-kind';
import { reminderReceiptStoreKind } from '../../features/reminders/reminder-receipt-store-kind';
import { reportRemarkStoreKind } from '../../features/reports/report-remark-store-kind';
import { trainingStoreKind } from '../../features/trainings/training-store-kind';
import { visitStoreKind } from '../../features/visits/visit-store-kind';
import type { RecordType } from '@core/records';
import type { YunweiDatabase } from '../database/yunwei-database';
import type { StoreKind, StoredRow } from '../kinds/store-kind';
import {
  RECORD_KINDS,
  STORE_RECORD_TYPES,
  STORE_TYPE_OF,
  type AnyStoredRecord,
  type StoreRecordType,
  type StoredRecords,
} from './record-kinds';

/**
 * Each record type's store kind, from its feature folder: a Record, so a new type without one does not
 * compile, and every transaction or sweep over records takes its tables here.
 */
const STORE_KINDS: { readonly [K in StoreRecordType]: StoreKind<StoredRecords[K]> } = {
  ticket: ticketStoreKind,
  inspectionTemplate: inspectionTemplateStoreKind,
  inspectionRun: inspectionRunStoreKind,
  training: trainingStoreKind,
  sensitivePeriod: sensitivePeriodStoreKind,
  dutyAssignment: dutyAssignmentStoreKind,
  dutySwap: dutySwapStoreKind,
  dutyLog: dutyLogStoreKind,
  visit: visitStoreKind,
  onSiteDay: onSiteDayStoreKind,
  reminderReceipt: reminderReceiptStoreKind,
  reportRemark: reportRemarkStoreKind,
  reportSubmission: reportSubmissionStoreKind,
};

/** The store kind of a record type, for code that treats every type alike (a pull, a sweep). */
export function storeKindOf(recordType: StoreRecordType): StoreKind<AnyStoredRecord> {
  return STORE_KINDS[recordType] as StoreKind<AnyStoredRecord>;
}

/** Every record table, each once, for a transaction that reads or writes records of any type. */
export function recordTables(db: YunweiDatabase): Table[] {
  return [...new Set(Object.values(STORE_KINDS).flatMap((kind) => kind.tables(db)))];
}

/** The object stores a save of this record type writes besides history, outbox and meta. */
export function recordStoreNames(db: YunweiDatabase, recordType: StoreRecordType): string[] {
  return STORE_KINDS[recordType].tables(db).map((table) => table.name);
}

/** The ids of every stored record, whatever its type (in a transaction over `recordTables`). */
export async function storedRecordIds(db: YunweiDatabase): Promise<string[]> {
  const lists = await Promise.all(Object.values(STORE_KINDS).map((kind) => kind.ids(db)));
  return lists.flat();
}

/** Every stored record a user with this visibility may not read, by its core type (in a transaction over `recordTables`). */
export async function storedRecordsOutside(
  db: YunweiDatabase,
  visibility: Visibility,
): Promise<{ recordType: RecordType; recordId: string }[]> {
  const lists = await Promise.all(
    STORE_RECORD_TYPES.map(async (storeType) => {
      const recordType = RECORD_KINDS[storeType].coreType;
      const ids = await STORE_KINDS[storeType].idsOutside(db, visibility);
      return ids.map((recordId) => ({ recordType, recordId }));
    }),
  );
  return lists.flat();
}

/** The stored row of `record` (same id), or null. */
export async function readStoredRow<K extends StoreRecordType>(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  recordType: K,
  record: StoredRecords[K],
): Promise<StoredRow<StoredRecords[K]> | null> {
  const kind: StoreKind<StoredRecords[K]> = STORE_KINDS[recordType];
  return kind.readStored(db, transaction, record);
}

/** Writes the row of `record` with its derived index fields and companion rows (a ticket's search rows). */
export async function writeStoredRecord<K extends StoreRecordType>(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  recordType: K,
  record: StoredRecords[K],
  now: number,
  stored: StoredRecords[K] | null,
): Promise<void> {
  const kind: StoreKind<StoredRecords[K]> = STORE_KINDS[recordType];
  await kind.writeStored(db, transaction, record, now, stored);
}

/** The app's route that opens a record (its store kind's `pathOf`). */
export function recordPath(recordType: RecordType, recordId: string): string {
  return storeKindOf(STORE_TYPE_OF[recordType]).pathOf(recordId);
}
