/**
 * The local store (docs/local-store.md): one Dexie database per local user, every save one
 * transaction writing the record, its history rows and its outbox op. Features read through
 * `useDatabase()` and write only through `saveRecord` / `useSaveRecord` and `putBlob`.
 *
 * Search: the tokens index is `db.ticketSearch.where('tokens')`, not an index of `tickets` (see
 * SCHEMA_V2 and SCHEMA_V3 for why); `searchTermTicketIds` reads a term's tickets from it (row keys and
 * the backlog walk's posting rows). `row.tokens` is still on every ticket row.
 */
export { YunweiDatabase, type YunweiDatabaseOptions } from './database/yunwei-database';
export { openUserDatabase, type OpenUserDatabaseOptions } from './database/open-database';
export { LOCAL_SERVER_KEY, userDatabaseName } from './database/database-name';
export { CURRENT_SCHEMA_VERSION } from './database/schema';
export type { StoreNotice, StoreNoticeListener } from './database/store-notices';
export {
  NO_RUNNING_DEADLINE,
  type BlobRow,
  type HistoryRow,
  type InspectionRunRow,
  type InspectionTemplateRow,
  type MetaRow,
  type OutboxRow,
  type RejectionRow,
  type SyncMetaRow,
  type SyncProblemRow,
  type SyncStateRow,
  type TicketRow,
  type TicketSearchRow,
} from './rows/row-types';
export { distinctIndexKeys, hasRows } from './queries/index-queries';
export { ticketRow } from './rows/ticket-row';
export { ticketSearchRows } from './rows/ticket-search-rows';
export { ticketDeadline, type TicketDeadline } from './rows/ticket-deadline';
export { inspectionRunRow, inspectionTemplateKey, inspectionTemplateRow } from './rows/inspection-rows';
export { defaultSlaRules, type SlaRules } from './rows/sla-rules';
export { saveRecord, type SaveRecordInput, type SaveRecordResult } from './save/save-record';
export { RECORD_KINDS, type StoreRecordType, type StoredRecords } from './save/record-kinds';
export { recordPath } from './save/record-tables';
export { undoInput, type UndoableSave, type UndoInput } from './save/undo-input';
export { MAX_ATTACHMENT_BYTES, getBlob, putBlob, sha256Hex } from './blobs/blob-store';
export { STORE_ERROR_KINDS, StoreError, isStoreError, type StoreErrorKind } from './errors/store-error';
export { toStoreError } from './errors/to-store-error';
export { StoreProvider, type StoreProviderProps } from './react/StoreProvider';
export { useCurrentUser, useDatabase, type CurrentUser } from './react/store-context';
export { useSaveInBackground, useSaveRecord, type SaveRecordVariables } from './react/use-save-record';
export {
  usePlainRecord,
  usePlainRecordLists,
  usePlainRecords,
  type PlainRecordLists,
  type DayRange,
  type PlainStoreType,
} from './react/use-plain-records';
export { useUndoLastSave, type UndoLastSave } from './react/use-undo-last-save';
export { useShowStoreError } from './react/use-show-store-error';
export { useSaveWithUndo } from './react/use-save-with-undo';
export { useOfferUndo as useOfferUndoMessage, type UndoMessageOptions } from './react/use-offer-undo';
export type { LastSave } from './react/last-save';
export {
  SYNC_ACTOR,
  applyPreparedPage,
  localRecordIds,
  preparePulledPage,
  type AppliedPage,
  type ApplyPullOptions,
  type SyncedRecord,
} from './sync/apply-pull';
export {
  readPushBatch,
  recordPushResults,
  rejectLocally,
  type PushBatch,
  type PushBatchLimits,
  type PushOutcomeCounts,
  type QueuedOp,
} from './sync/push-queue';
export {
  discardRejectedChange,
  listRejectedChanges,
  resendRejectedChange,
  type RejectedChange,
} from './sync/rejections';
export { listSyncProblems, retrySyncProblems } from './sync/sync-problems';
export { readServerStates } from './sync/read-server-states';
export {
  indexSearchBacklog,
  readSearchBacklog,
  searchIndexProgress,
  type SearchIndexProgress,
} from './search/search-backlog';
export { searchTermTicketIds } from './search/search-lookup';
export { readSyncMeta } from './sync/sync-meta';
export { useAnnounceSynced } from './react/use-announce-synced';
export {
  applyCalendarNotices,
  loadStoredCalendar,
  readStoredCalendar,
  SLA_DEADLINES_FIELD,
  SYSTEM_ACTOR,
  type StoredCalendar,
} from './calendar/calendar-notices';
export { ticketClockDeadlines, type ClockDeadline, type TicketClockDeadlines } from './rows/ticket-deadline';
export { CALENDAR_NOTICES_QUERY_KEY, useSlaRules, useStoredCalendar } from './react/use-sla-rules';
