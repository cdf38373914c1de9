import type { Table } from 'dexie';
import {
  inspectionRunStoreKind,
  inspectionTemplateStoreKind,
} from '../../features/inspections/inspection-store-kinds';
import { ticketStoreKind } from '../../features/tickets/ticket-store-kind';
import {
  newRecordId,
  type InspectionRun,
  type InspectionTemplate,
  type RecordType,
  type Ticket,
} from '@core/records';
import { request } from '../database/native-transaction';
import type { YunweiDatabase } from '../database/yunwei-database';
import { StoreError } from '../errors/store-error';
import type { StoreKind } from '../kinds/store-kind';
import { inspectionRunRow, inspectionTemplateKey, inspectionTemplateRow } from '../rows/inspection-rows';
import type { InspectionRunRow, InspectionTemplateRow, ServerClocks, TicketRow } from '../rows/row-types';
import { ticketRow } from '../rows/ticket-row';
import { searchRowsToWrite } from '../rows/ticket-search-rows';
import { RECORD_KINDS, STORE_RECORD_TYPES, type StoreRecordType, type StoredRecords } from './record-kinds';

/*
 * The record tables as the save sees them: on its native transaction (database/native-transaction.ts),
 * by the names Dexie gave the object stores.
 */

/**
 * Each record type's store kind, from its feature folder: a Record, so a new type without one does not
 * compile, and every transaction or sweep over records takes its tables here.
 */
const STORE_KINDS: Readonly<Record<StoreRecordType, StoreKind>> = {
  ticket: ticketStoreKind,
  inspectionTemplate: inspectionTemplateStoreKind,
  inspectionRun: inspectionRunStoreKind,
};

/** Every record table, for a transaction that reads or writes records of any type. */
export function recordTables(db: YunweiDatabase): Table[] {
  return Object.values(STORE_KINDS).flatMap((kind) => kind.tables(db));
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

/** Every stored record of these subsystems, by its core type (in a transaction over `recordTables`). */
export async function storedRecordsInSubsystems(
  db: YunweiDatabase,
  subsystemIds: readonly number[],
): Promise<{ recordType: RecordType; recordId: string }[]> {
  const lists = await Promise.all(
    STORE_RECORD_TYPES.map(async (storeType) => {
      const recordType = RECORD_KINDS[storeType].coreType;
      const ids = await STORE_KINDS[storeType].idsInSubsystems(db, subsystemIds);
      return ids.map((recordId) => ({ recordType, recordId }));
    }),
  );
  return lists.flat();
}

/** A record's row as a save reads it: the record, and the server's clocks if the row holds them. */
export interface StoredRow<Record> {
  readonly record: Record;
  readonly serverClocks?: ServerClocks;
}

/** The stored row of `record` (same id), or null. */
export async function readStoredRow<K extends StoreRecordType>(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  recordType: K,
  record: StoredRecords[K],
): Promise<StoredRow<StoredRecords[K]> | null> {
  switch (recordType) {
    case 'ticket': {
      const row = await request<TicketRow | undefined>(() =>
        transaction.objectStore(db.tickets.name).get(record.id),
      );
      return (row ?? null) as StoredRow<StoredRecords[K]> | null;
    }
    case 'inspectionRun': {
      const runs = transaction.objectStore(db.inspectionRuns.name);
      const row = await request<InspectionRunRow | undefined>(() => runs.get(record.id));
      return (row ?? null) as StoredRow<StoredRecords[K]> | null;
    }
    case 'inspectionTemplate':
      return (await readStoredTemplate(db, transaction, record as InspectionTemplate)) as StoredRow<
        StoredRecords[K]
      > | null;
  }
}

/**
 * Writes the row of `record` with its derived index fields; for a ticket, also those of its search
 * rows whose tokens changed since `stored` (a status change or a comment rewrites none, a new title
 * only the head).
 */
export async function writeStoredRecord<K extends StoreRecordType>(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  recordType: K,
  record: StoredRecords[K],
  now: number,
  stored: StoredRecords[K] | null,
): Promise<void> {
  switch (recordType) {
    case 'ticket': {
      const ticket = record as Ticket;
      const search = transaction.objectStore(db.ticketSearch.name);
      await Promise.all([
        request(() => transaction.objectStore(db.tickets.name).put(ticketRow(ticket, db.slaRules, now))),
        ...searchRowsToWrite(stored as Ticket | null, ticket, newRecordId).map((row) =>
          request(() => search.put(row)),
        ),
      ]);
      return;
    }
    case 'inspectionRun':
      await request(() =>
        transaction.objectStore(db.inspectionRuns.name).put(inspectionRunRow(record as InspectionRun)),
      );
      return;
    case 'inspectionTemplate':
      await request(() =>
        transaction
          .objectStore(db.inspectionTemplates.name)
          .put(inspectionTemplateRow(record as InspectionTemplate)),
      );
      return;
  }
}

/**
 * Template versions are keyed `<templateId>@<version>` and are immutable records: a version number
 * taken by another record, or an edit that renumbers a record, would overwrite or orphan a version a
 * run points at, so both are refused.
 */
async function readStoredTemplate(
  db: YunweiDatabase,
  transaction: IDBTransaction,
  template: InspectionTemplate,
): Promise<InspectionTemplateRow | null> {
  const templates = transaction.objectStore(db.inspectionTemplates.name);
  const key = inspectionTemplateKey(template.templateId, template.version);
  const [byId, byKey] = await Promise.all([
    request<InspectionTemplateRow | undefined>(() => templates.index('id').get(template.id)),
    request<InspectionTemplateRow | undefined>(() => templates.get(key)),
  ]);
  if (byKey !== undefined && byKey.id !== template.id) {
    throw new StoreError(
      'conflict',
      `巡检模板“${template.name}”的第 ${template.version} 版已经存在（可能在另一个窗口中保存）：请在最新版本上修改，另存为新版本。`,
    );
  }
  if (byId !== undefined && byId.key !== key) {
    throw new StoreError(
      'invalid',
      `巡检模板的编号和版本号保存后不能再改（原为 ${byId.key}，现为 ${key}）：修改模板请另存为新版本。`,
    );
  }
  return byId ?? null;
}
