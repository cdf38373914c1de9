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
import type {
  InspectionRunRow,
  InspectionTemplateRow,
  ServerClocks,
  SyncStateRow,
  TicketRow,
  TicketSearchRow,
} from '../rows/row-types';
import { ticketRow } from '../rows/ticket-row';
import { searchRowsToWrite, ticketSearchKeyRange } from '../rows/ticket-search-rows';
import { RECORD_KINDS, STORE_TYPE_OF } from '../save/record-kinds';
import { syncStateRow } from './packed-states';

export type AnyRecord = Ticket | InspectionTemplate | InspectionRun;

/** A record as this PC stores it, with what its row was indexed under. */
export interface LocalRecord {
  readonly record: AnyRecord;
  /** A template's row key (`<templateId>@<version>`); null for other types. */
  readonly key: string | null;
  /** The server's clocks the row holds (row-types.ts ServerClocks). */
  readonly serverClocks?: ServerClocks;
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
  const local = (
    row: { readonly id: string; readonly record: AnyRecord; readonly serverClocks?: ServerClocks },
    key: string | null,
  ): [string, LocalRecord] => [row.id, { record: row.record, key, serverClocks: row.serverClocks }];
  const present = <Row>(rows: readonly (Row | undefined)[]) => rows.filter((row) => row !== undefined);
  // A Record over the core types, so a type the store does not read cannot compile.
  const readers: Readonly<Record<RecordType, () => Promise<[string, LocalRecord][]>>> = {
    ticket: async () => present(await db.tickets.bulkGet(idsOf('ticket'))).map((row) => local(row, null)),
    inspection_run: async () =>
      present(await db.inspectionRuns.bulkGet(idsOf('inspection_run'))).map((row) => local(row, null)),
    inspection_template: async () =>
      (await db.inspectionTemplates.where('id').anyOf(idsOf('inspection_template')).toArray()).map((row) =>
        local(row, row.key),
      ),
  };
  const lists = await Promise.all(Object.values(readers).map((read) => read()));
  return new Map(lists.flat());
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
 * Where a record put by a batch keeps its server states (row-types.ts SyncStateRow): in its own row
 * as clocks (`inRow`; `replacesStateRow` when a `syncStates` row may exist and must go), or in a full
 * `syncStates` row (none when the states are empty: the server knows nothing of the record).
 */
export type ServerStatesPlace =
  { readonly inRow: ServerClocks; readonly replacesStateRow: boolean } | { readonly full: FieldStates };

/**
 * Row writes and deletes collected over a page and issued together at the end (each table once),
 * inside the caller's transaction. The record rows and the server states are written together, so a
 * record never loses its states to a row rewritten without them.
 */
export class RecordRowBatch {
  private readonly tickets: TicketRow[] = [];
  private readonly search: TicketSearchRow[] = [];
  private readonly runs: InspectionRunRow[] = [];
  private readonly templates: InspectionTemplateRow[] = [];
  private readonly states: SyncStateRow[] = [];
  private readonly deletedTickets: string[] = [];
  private readonly deletedRuns: string[] = [];
  private readonly deletedTemplateKeys: string[] = [];
  private readonly deletedStates: string[] = [];
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

  put(ref: RecordRef, record: AnyRecord, stored: LocalRecord | undefined, server: ServerStatesPlace): void {
    const clocks = 'inRow' in server ? server.inRow : undefined;
    if ('full' in server && Object.keys(server.full).length > 0) this.putStates(ref, server.full);
    else if ('full' in server || server.replacesStateRow) this.deletedStates.push(ref.recordId);
    switch (ref.recordType) {
      case 'ticket': {
        this.tickets.push(ticketRow(record as Ticket, this.db.slaRules, this.now, clocks));
        if (this.deferSearch) return;
        const before = stored === undefined ? null : (stored.record as Ticket);
        this.search.push(...searchRowsToWrite(before, record as Ticket, newRecordId));
        return;
      }
      case 'inspection_run':
        this.runs.push(inspectionRunRow(record as InspectionRun, clocks));
        return;
      case 'inspection_template': {
        const row = inspectionTemplateRow(record as InspectionTemplate, clocks);
        if (stored?.key !== undefined && stored.key !== null && stored.key !== row.key) {
          this.deletedTemplateKeys.push(stored.key);
        }
        this.templates.push(row);
        return;
      }
    }
  }

  /** The server states of a record whose row is not rewritten (a pull that could not show it). */
  putStates(ref: RecordRef, states: FieldStates): void {
    this.states.push(syncStateRow(ref, states));
  }

  /** Drops the record's row and its server states. */
  remove(ref: RecordRef, stored: LocalRecord | undefined): void {
    this.deletedStates.push(ref.recordId);
    switch (ref.recordType) {
      case 'ticket':
        this.deletedTickets.push(ref.recordId);
        return;
      case 'inspection_run':
        this.deletedRuns.push(ref.recordId);
        return;
      case 'inspection_template':
        if (stored?.key !== undefined && stored.key !== null) this.deletedTemplateKeys.push(stored.key);
        return;
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
      db.syncStates.bulkDelete(this.deletedStates),
    ]);
    await Promise.all([
      db.tickets.bulkPut(this.tickets),
      db.ticketSearch.bulkPut(this.search),
      db.inspectionRuns.bulkPut(this.runs),
      db.inspectionTemplates.bulkPut(this.templates),
      db.syncStates.bulkPut(this.states),
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
