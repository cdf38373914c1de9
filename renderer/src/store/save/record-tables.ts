import { newRecordId, type InspectionRun, type InspectionTemplate, type Ticket } from '@core/records';
import type { Table } from 'dexie';
import type { YunweiDatabase } from '../database/yunwei-database';
import { StoreError } from '../errors/store-error';
import { inspectionRunRow, inspectionTemplateKey, inspectionTemplateRow } from '../rows/inspection-rows';
import { ticketRow } from '../rows/ticket-row';
import { searchRowsToWrite } from '../rows/ticket-search-rows';
import type { StoreRecordType, StoredRecords } from './record-kinds';

/** The tables a save of this record type writes besides history, outbox and meta. */
export function recordTables(db: YunweiDatabase, recordType: StoreRecordType): Table[] {
  switch (recordType) {
    case 'ticket':
      return [db.tickets, db.ticketSearch];
    case 'inspectionTemplate':
      return [db.inspectionTemplates];
    case 'inspectionRun':
      return [db.inspectionRuns];
  }
}

/** The stored version of `record` (same id), or null. Runs inside the save transaction. */
export async function readStoredRecord<K extends StoreRecordType>(
  db: YunweiDatabase,
  recordType: K,
  record: StoredRecords[K],
): Promise<StoredRecords[K] | null> {
  switch (recordType) {
    case 'ticket':
      return ((await db.tickets.get(record.id))?.record ?? null) as StoredRecords[K] | null;
    case 'inspectionRun':
      return ((await db.inspectionRuns.get(record.id))?.record ?? null) as StoredRecords[K] | null;
    case 'inspectionTemplate':
      return (await readStoredTemplate(db, record as InspectionTemplate)) as StoredRecords[K] | null;
  }
  throw new RangeError(`未知的记录类型：${String(recordType)}`);
}

/**
 * Writes the row of `record` with its derived index fields; for a ticket, also those of its search
 * rows whose tokens changed since `stored` (a status change or a comment rewrites none, a new title
 * only the head). Runs inside the save transaction.
 */
export async function writeStoredRecord<K extends StoreRecordType>(
  db: YunweiDatabase,
  recordType: K,
  record: StoredRecords[K],
  now: number,
  stored: StoredRecords[K] | null,
): Promise<void> {
  switch (recordType) {
    case 'ticket': {
      const ticket = record as Ticket;
      const search = searchRowsToWrite(stored as Ticket | null, ticket, newRecordId);
      await Promise.all([
        db.tickets.put(ticketRow(ticket, db.slaRules, now)),
        ...(search.length === 0 ? [] : [db.ticketSearch.bulkPut(search)]),
      ]);
      return;
    }
    case 'inspectionRun':
      await db.inspectionRuns.put(inspectionRunRow(record as InspectionRun));
      return;
    case 'inspectionTemplate':
      await db.inspectionTemplates.put(inspectionTemplateRow(record as InspectionTemplate));
      return;
  }
  throw new RangeError(`未知的记录类型：${String(recordType)}`);
}

/**
 * Template versions are keyed `<templateId>@<version>` and are immutable records: a version number
 * taken by another record, or an edit that renumbers a record, would overwrite or orphan a version a
 * run points at, so both are refused.
 */
async function readStoredTemplate(
  db: YunweiDatabase,
  template: InspectionTemplate,
): Promise<InspectionTemplate | null> {
  const key = inspectionTemplateKey(template.templateId, template.version);
  const [byId, byKey] = await Promise.all([
    db.inspectionTemplates.where('id').equals(template.id).first(),
    db.inspectionTemplates.get(key),
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
  return byId?.record ?? null;
}
