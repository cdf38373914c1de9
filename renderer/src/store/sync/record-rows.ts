import {
  RECORD_TYPE_LABELS,
  diffFields,
  historyValues,
  newRecordId,
  parseRecord,
  type InspectionTemplate,
  type RecordType,
} from '@core/records';
import type { HistoryEntry } from '@core/sync';
import { type FieldStates, UPDATED_AT_FIELD, recordValues } from '@core/sync/merge';
import type { YunweiDatabase } from '../database/yunwei-database';
import type { LocalRow } from '../kinds/store-kind';
import { RowWrites } from '../kinds/row-writes';
import { inspectionTemplateKey } from '../rows/inspection-rows';
import type { ServerClocks, SyncStateRow } from '../rows/row-types';
import {
  RECORD_KINDS,
  STORE_TYPE_OF,
  type AnyStoredRecord,
  type StoreRecordType,
} from '../save/record-kinds';
import { storeKindOf } from '../save/record-tables';
import { syncStateRow } from './packed-states';

export type AnyRecord = AnyStoredRecord;

/** A record as this PC stores it, with what its row was indexed under. */
export type LocalRecord = LocalRow<AnyRecord>;

export interface RecordRef {
  readonly recordType: RecordType;
  readonly recordId: string;
}

/** The stored version of each record, by id. Runs inside a transaction over the record tables. */
export async function readLocalRecords(
  db: YunweiDatabase,
  refs: readonly RecordRef[],
): Promise<Map<string, LocalRecord>> {
  const idsByType = new Map<StoreRecordType, string[]>();
  for (const ref of refs) {
    const storeType = STORE_TYPE_OF[ref.recordType];
    idsByType.set(storeType, [...(idsByType.get(storeType) ?? []), ref.recordId]);
  }
  const lists = await Promise.all(
    [...idsByType].map(([storeType, ids]) => storeKindOf(storeType).readLocal(db, ids)),
  );
  return new Map(lists.flat().map((row) => [row.id, row]));
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
  private readonly rows = new RowWrites();
  private readonly states: SyncStateRow[] = [];
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
    storeKindOf(STORE_TYPE_OF[ref.recordType]).putPulled(this.db, this.rows, {
      record,
      stored,
      serverClocks: clocks,
      now: this.now,
      deferCompanions: this.deferSearch,
    });
  }

  /** The server states of a record whose row is not rewritten (a pull that could not show it). */
  putStates(ref: RecordRef, states: FieldStates): void {
    this.states.push(syncStateRow(ref, states));
  }

  /** Drops the record's row and its server states. */
  remove(ref: RecordRef, stored: LocalRecord | undefined): void {
    this.deletedStates.push(ref.recordId);
    storeKindOf(STORE_TYPE_OF[ref.recordType]).removePulled(this.db, this.rows, ref.recordId, stored);
  }

  async flush(): Promise<void> {
    const { db } = this;
    await Promise.all([this.rows.flush(), db.syncStates.bulkDelete(this.deletedStates)]);
    await Promise.all([db.syncStates.bulkPut(this.states), db.history.bulkAdd(this.history)]);
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
