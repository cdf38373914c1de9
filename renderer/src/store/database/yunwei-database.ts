import { Dexie, type Table } from 'dexie';
import type {
  BlobRow,
  HistoryRow,
  InspectionRunRow,
  InspectionTemplateRow,
  MetaRow,
  OutboxRow,
  PlainRecordRow,
  RejectionRow,
  SyncMetaRow,
  SyncProblemRow,
  SyncStateRow,
  TicketDigestRow,
  TicketRow,
  TicketSearchRow,
} from '../rows/row-types';
import { defaultSlaRules, type SlaRules } from '../rows/sla-rules';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
} from './schema';
import { upgradeToV3 } from './upgrade-v3';
import { upgradeToV5 } from './upgrade-v5';
import { upgradeToV6 } from './upgrade-v6';
import { rebuildTicketSearch } from './upgrade-v3-search';
import {
  BLOCKED_MESSAGE,
  DELETED_MESSAGE,
  SUPERSEDED_MESSAGE,
  type StoreNotice,
  type StoreNoticeListener,
} from './store-notices';

export interface YunweiDatabaseOptions {
  /** The contract and calendar ticket deadlines are computed from; the shipped ones by default. */
  readonly slaRules?: SlaRules;
  /** The clock the v2 upgrade computes `breached` with (tests pin it). */
  readonly now?: () => number;
}

/**
 * One user's local database (name from `userDatabaseName`). Tables and indexes: docs/local-store.md.
 * Writes go through `saveRecord` and `putBlob`, never straight into the tables.
 */
export class YunweiDatabase extends Dexie {
  declare readonly tickets: Table<TicketRow, string>;
  declare readonly ticketSearch: Table<TicketSearchRow, string>;
  declare readonly inspectionTemplates: Table<InspectionTemplateRow, string>;
  declare readonly inspectionRuns: Table<InspectionRunRow, string>;
  declare readonly history: Table<HistoryRow, string>;
  declare readonly outbox: Table<OutboxRow, number>;
  declare readonly blobs: Table<BlobRow, string>;
  declare readonly meta: Table<MetaRow, string>;
  declare readonly syncStates: Table<SyncStateRow, string>;
  declare readonly syncMeta: Table<SyncMetaRow, string>;
  declare readonly rejections: Table<RejectionRow, string>;
  declare readonly syncProblems: Table<SyncProblemRow, string>;
  declare readonly records: Table<PlainRecordRow, string>;
  declare readonly ticketDigests: Table<TicketDigestRow, string>;

  /**
   * Replaced when the added calendar notices change (store/calendar/calendar-notices.ts): every view
   * reads it when it renders, after the change has invalidated the ticket queries.
   */
  slaRules: SlaRules;
  /** Set once a newer window took the database over: every later write is refused with this reason. */
  disconnectedReason: string | undefined;
  private readonly noticeListeners = new Set<StoreNoticeListener>();
  private readonly pendingNotices: StoreNotice[] = [];

  constructor(name: string, options: YunweiDatabaseOptions = {}) {
    // The list and the store keep their own caches (react-query); Dexie's live-query cache would only
    // hold a second copy of large result sets. Saves are flushed to disk before they are acknowledged
    // (`strict`; Chromium's default is `relaxed`): a record acknowledged to the engineer must survive
    // a power cut too (PRODUCT.md §5). The flush costs about 1.5 ms a save in the local bench.
    super(name, { cache: 'disabled', chromeTransactionDurability: 'strict' });
    const rules = options.slaRules ?? defaultSlaRules();
    const now = options.now ?? Date.now;
    this.slaRules = rules;
    this.version(1).stores(SCHEMA_V1);
    // Version 2's upgrade (rebuild every ticket row, fill the search table) is the last step of version
    // 3's, which redoes it in the two-row search form: no release ever stopped at version 2.
    this.version(2).stores(SCHEMA_V2);
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (transaction) => {
        await upgradeToV3(transaction);
        await rebuildTicketSearch(transaction, rules, now);
      });
    this.version(4).stores(SCHEMA_V4);
    this.version(5).stores(SCHEMA_V5).upgrade(upgradeToV5);
    this.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
    this.version(7).stores(SCHEMA_V7);
    this.version(8).stores(SCHEMA_V8);

    this.on('versionchange', (event) => {
      this.disconnectedReason = event.newVersion === null ? DELETED_MESSAGE : SUPERSEDED_MESSAGE;
      this.notify({ kind: 'version', message: this.disconnectedReason });
      // Dexie's own handler (registered first) closes the connection so the other window proceeds.
    });
    this.on('blocked', () => this.notify({ kind: 'blocked', message: BLOCKED_MESSAGE }));
  }

  /**
   * Listens for notices the UI must show. Notices raised before anyone listened (during the first
   * open) are delivered on subscribing. Returns the unsubscribe function.
   */
  onNotice(listener: StoreNoticeListener): () => void {
    this.noticeListeners.add(listener);
    for (const notice of this.pendingNotices.splice(0)) listener(notice);
    return () => this.noticeListeners.delete(listener);
  }

  private notify(notice: StoreNotice): void {
    if (this.noticeListeners.size === 0) {
      this.pendingNotices.push(notice);
      return;
    }
    for (const listener of this.noticeListeners) listener(notice);
  }
}
