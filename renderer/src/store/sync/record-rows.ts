import {
  RECORD_TYPE_LABELS,
  diffFields,
  historyValues,
  newRecordId,
  parseRecord,
  type InspectionRun,
  type InspectionTemplate,
  type RecordType,
  type Ticket,
} from '@core/records';
import type { HistoryEntry } from '@core/sync';
import { type FieldStates, UPDATED_AT_FIELD, recordValues } from '@core/sync/merge';
import type { YunweiDatabase } from '../database/yunwei-database';
import { inspectionRunRow, inspectionTemplateKey, inspectionTemplateRow } from '../rows/inspection-rows';
import type { InspectionRunRow, InspectionTemplateRow, TicketRow, TicketSearchRow } from '../rows/row-types';
import { ticketRow } from '../rows/ticket-row';
import { searchRowsToWrite, ticketSearchKeyRange } from '../rows/ticket-search-rows';
import { RECORD_KINDS, STORE_TYPE_OF } from '../save/record-kinds';

export type AnyRecord = Ticket | InspectionTemplate | InspectionRun;

/** A record as this PC stores it, with what its row was indexed under. */
export interface LocalRecord {
  readonly record: AnyRecord;
  /** A template's row key (`<templateId>@<version>`); null for other types. */
  readonly key: string | null;
}

export interface RecordRef {
  readonly recordType: RecordType;
  readonly recordId: string;
}

/** The stored version of each record, by id. Runs inside a transaction over the record tables. */
export async function readLocalRecords(
  db: YunweiDatabase,
  refs: readonly RecordRef[],
): Promise<Map<string, LocalRecord>> {
  const idsOf = (type: RecordType) =>
    refs.filter((ref) => ref.recordType === type).map((ref) => ref.recordId);
  const [tickets, runs, templates] = await Promise.all([
    db.tickets.bulkGet(idsOf('ticket')),
    db.inspectionRuns.bulkGet(idsOf('inspection_run')),
    db.inspectionTemplates.where('id').anyOf(idsOf('inspection_template')).toArray(),
  ]);
  const found = new Map<string, LocalRecord>();
  for (const row of tickets) {
    if (row !== undefined) found.set(row.id, { record: row.record, key: null });
  }
  for (const row of runs) if (row !== undefined) found.set(row.id, { record: row.record, key: null });
  for (const row of templates) found.set(row.id, { record: row.record, key: row.key });
  return found;
}

export type Shown =
  | { readonly ok: true; readonly record: AnyRecord; readonly history: HistoryEntry[] }
  | { readonly ok: false; readonly reason: string };

/**
 * The record the states describe, validated with its core schema, and one history row per field
 * whose value differs from the stored version (none for a record this PC did not have: its history
 * is the server's, GET /sync/history).
 */
export function showStates(
  ref: RecordRef,
  states: FieldStates,
  stored: LocalRecord | undefined,
  context: { readonly actor: string; readonly at: number },
): Shown {
  const kind = RECORD_KINDS[STORE_TYPE_OF[ref.recordType]];
  const parsed = parseRecord(kind.schema, recordValues(states), kind.label);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const record = parsed.value as AnyRecord;
  if (record.id !== ref.recordId) {
    return {
      ok: false,
      reason: `${kind.label}的 id（${record.id}）与同步的记录编号（${ref.recordId}）不一致`,
    };
  }
  const history =
    stored === undefined
      ? []
      : diffFields(stored.record, record, { ignore: [UPDATED_AT_FIELD] }).map((change) => ({
          id: newRecordId(),
          recordType: ref.recordType,
          recordId: ref.recordId,
          field: change.field,
          ...historyValues(ref.recordType, change.field, change.oldValue, change.newValue),
          actor: context.actor,
          at: context.at,
          hlc: states[change.field]?.hlc ?? states[UPDATED_AT_FIELD]?.hlc ?? '',
        }));
  return { ok: true, record, history };
}

/**
 * Row writes and deletes collected over a page and issued together at the end (each table once),
 * inside the caller's transaction.
 */
export class RecordRowBatch {
  private readonly tickets: TicketRow[] = [];
  private readonly search: TicketSearchRow[] = [];
  private readonly runs: InspectionRunRow[] = [];
  private readonly templates: InspectionTemplateRow[] = [];
  private readonly deletedTickets: string[] = [];
  private readonly deletedRuns: string[] = [];
  private readonly deletedTemplateKeys: string[] = [];
  readonly history: HistoryEntry[] = [];

  /**
   * @param deferSearch leave tickets' search rows to the backlog walk (search/search-backlog.ts): an
   *   initial sync writes a whole year of tickets, and their search rows cost three times the rows.
   */
  constructor(
    private readonly db: YunweiDatabase,
    private readonly now: number,
    private readonly deferSearch = false,
  ) {}

  put(recordType: RecordType, record: AnyRecord, stored: LocalRecord | undefined): void {
    switch (recordType) {
      case 'ticket': {
        const row = ticketRow(record as Ticket, this.db.slaRules, this.now);
        this.tickets.push(row);
        if (this.deferSearch) return;
        const before = stored === undefined ? null : (stored.record as Ticket);
        this.search.push(...searchRowsToWrite(before, record as Ticket, newRecordId));
        return;
      }
      case 'inspection_run':
        this.runs.push(inspectionRunRow(record as InspectionRun));
        return;
      case 'inspection_template': {
        const row = inspectionTemplateRow(record as InspectionTemplate);
        if (stored?.key !== undefined && stored.key !== null && stored.key !== row.key) {
          this.deletedTemplateKeys.push(stored.key);
        }
        this.templates.push(row);
        return;
      }
    }
  }

  remove(recordType: RecordType, recordId: string, stored: LocalRecord | undefined): void {
    if (recordType === 'ticket') this.deletedTickets.push(recordId);
    if (recordType === 'inspection_run') this.deletedRuns.push(recordId);
    if (recordType === 'inspection_template' && stored?.key !== undefined && stored.key !== null) {
      this.deletedTemplateKeys.push(stored.key);
    }
  }

  async flush(): Promise<void> {
    const { db } = this;
    // Deletes first: a template renumbered by a pull frees its old key before the new row is put.
    await Promise.all([
      db.tickets.bulkDelete(this.deletedTickets),
      // A deleted ticket's search rows go with it: its base rows and every addition.
      ...this.deletedTickets.map((ticketId) => {
        const [from, to] = ticketSearchKeyRange(ticketId);
        return db.ticketSearch.where(':id').between(from, to).delete();
      }),
      db.inspectionRuns.bulkDelete(this.deletedRuns),
      db.inspectionTemplates.bulkDelete(this.deletedTemplateKeys),
    ]);
    await Promise.all([
      db.tickets.bulkPut(this.tickets),
      db.ticketSearch.bulkPut(this.search),
      db.inspectionRuns.bulkPut(this.runs),
      db.inspectionTemplates.bulkPut(this.templates),
      db.history.bulkAdd(this.history),
    ]);
  }
}

/**
 * A template version is one row per `<templateId>@<version>`: another record of the same key on this
 * PC (two PCs saved the same version number, docs/sync-protocol.md §14) cannot be stored beside it.
 */
export async function templateKeyConflict(
  db: YunweiDatabase,
  template: InspectionTemplate,
): Promise<string | undefined> {
  const key = inspectionTemplateKey(template.templateId, template.version);
  const holder = await db.inspectionTemplates.get(key);
  if (holder === undefined || holder.id === template.id) return undefined;
  return `本机已有另一个${RECORD_TYPE_LABELS.inspection_template}“${holder.record.name}”使用编号 ${key}（两台电脑各自保存了同一版本号），无法同时保存：请在其中一个上另存为新版本`;
}
