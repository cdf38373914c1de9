import type { CalendarNotice } from '@core/calendar';
import type { InspectionRun, InspectionTemplate, Ticket, TicketSeverity, TicketStatus } from '@core/records';
import type { RecordType } from '@core/records';
import type { HistoryEntry, Hlc, OutboxOp } from '@core/sync';
import type { RejectionCode } from '@core/sync/protocol';
import type { PackedClocks, PackedStates } from '@core/sync/packed-states';

/**
 * Table rows keep the pure core record under `record` and the fields the indexes need beside it:
 * core schemas are strict, so nothing derived ever goes into a record.
 */
export interface TicketRow {
  readonly id: string;
  readonly record: Ticket;
  readonly subsystemId: number;
  readonly status: TicketStatus;
  readonly severity: TicketSeverity;
  /** The assignee's user id; '' when nobody is assigned (IndexedDB cannot index null). */
  readonly assignee: string;
  readonly receivedAt: number;
  readonly updatedAt: number;
  /**
   * The earliest deadline among the ticket's running SLA clocks as of the save;
   * NO_RUNNING_DEADLINE when no clock runs (paused, stopped, or not set by the contract), so such
   * tickets sort last.
   */
  readonly deadlineAt: number;
  /** 1 when a clock had gone past its deadline at the save (stopped late or still running). */
  readonly breached: 0 | 1;
  /**
   * Chinese search tokens (core ticketSearchTokens), for checking a row against a query in memory.
   * Not indexed here: the index is `ticketSearch`, whose rows a save rewrites only when they change.
   */
  readonly tokens: readonly string[];
  /** The server's clocks for this record, when the row holds them (see ServerClocks). */
  readonly serverClocks?: ServerClocks;
}

/**
 * One part of a ticket's search tokens under a multiEntry index (rows/ticket-search-rows.ts), or a
 * posting row of the backlog walk: `searchTermTicketIds` (search/search-lookup.ts) reads either.
 */
export interface TicketSearchRow {
  /** `<ticketId>#head` or `<ticketId>#body` (+ additions), or a posting row's key (`postingRowId`). */
  readonly id: string;
  readonly tokens: readonly string[];
  /** A posting row's tickets, per token (aligned with `tokens`): those of its walk chunk that have it. */
  readonly ticketIds?: readonly (readonly string[])[];
}

/**
 * The clock digests of the tickets received in one Shanghai month on one subsystem (key
 * `YYYY-MM#SS`; features/tickets/ticket-digest-buckets.ts). Settled digests are stored column-wise:
 * every id and title in one string (`lengths` gives each one's length, id then title), and
 * DIGEST_WIDTH numbers each. IndexedDB reads one string and two typed arrays far faster than
 * thousands of small strings or objects. A ticket whose clock still runs is only named in `liveIds`:
 * its digest is taken again whenever it is read.
 */
export interface TicketDigestBucketRow {
  readonly key: string;
  readonly text: string;
  readonly lengths: Uint32Array;
  readonly numbers: Float64Array;
  readonly liveIds: readonly string[];
}

/** Says the buckets hold every ticket, digested under the SLA rules of this fingerprint. */
export interface TicketDigestsBuiltRow {
  readonly key: 'built';
  readonly rules: string;
}

export type TicketDigestRow = TicketDigestBucketRow | TicketDigestsBuiltRow;

/** Sorts after every real instant; IndexedDB keys cannot be Infinity-free nulls. */
export const NO_RUNNING_DEADLINE = Number.MAX_SAFE_INTEGER;

export interface InspectionTemplateRow {
  /** `<templateId>@<version>`: one row per immutable version. */
  readonly key: string;
  readonly id: string;
  readonly templateId: string;
  readonly version: number;
  readonly subsystemId: number;
  readonly record: InspectionTemplate;
  /** The server's clocks for this record, when the row holds them (see ServerClocks). */
  readonly serverClocks?: ServerClocks;
}

export interface InspectionRunRow {
  readonly id: string;
  readonly record: InspectionRun;
  readonly subsystemId: number;
  readonly templateId: string;
  /** The run's `scheduledFor` slot key; '' for a run of an unscheduled template. */
  readonly slotKey: string;
  readonly startedAt: number;
  /** The server's clocks for this record, when the row holds them (see ServerClocks). */
  readonly serverClocks?: ServerClocks;
}

/**
 * A record of a plain kind (kinds/plain-store-kind.ts: trainings, duty, visits, on-site days), all in
 * the one `records` table. `subsystemId` and `unitIds` are its placement (core record-placement.ts).
 */
export interface PlainRecordRow {
  readonly id: string;
  readonly type: RecordType;
  /** The Shanghai day lists sort and filter it by, `YYYY-MM-DD`. */
  readonly day: string;
  readonly subsystemId: number;
  readonly unitIds: readonly number[];
  readonly record: unknown;
  /** The server's clocks for this record, when the row holds them (see ServerClocks). */
  readonly serverClocks?: ServerClocks;
}

export type HistoryRow = HistoryEntry;

/** A core outbox op with its position in the push queue. */
export interface OutboxRow extends OutboxOp {
  readonly seq?: number;
}

export interface BlobRow {
  readonly sha256: string;
  readonly name: string;
  readonly mime: string;
  readonly size: number;
  readonly data: Blob;
  readonly createdAt: number;
}

export type MetaRow = { readonly key: 'hlc'; readonly value: Hlc };

/**
 * A second kind of row in the `meta` table (read through store/calendar/calendar-notices.ts, which
 * alone knows its key, so that the clock's readers keep their one row type): the holiday notices an admin added on the server (or, for a local profile, on this PC), as last
 * fetched, with the server's ETag for the next fetch. Shipped years are in the app, not here.
 */
export interface CalendarMetaRow {
  readonly key: 'calendarNotices';
  readonly value: { readonly notices: readonly CalendarNotice[]; readonly etag: string | null };
}

/**
 * One record's field states (core merge.ts) as the server has them, as far as this PC knows: what it
 * pulled, merged with the local ops the server accepted since. The record this PC shows is these
 * states with the writes not accepted yet (queued or rejected, in seq order) merged on top; that is
 * computed when a pull or a discard needs it, never stored, so a save writes no states at all (it
 * would write the record twice more on every save for nothing a pull cannot recompute).
 *
 * A record's server states live in one of two places (sync/server-states.ts reads both): this row,
 * or, when the record this PC shows is exactly the server's version, the clocks alone in the record's
 * own row (ServerClocks); never both. Neither: the server knows nothing of the record yet.
 */
export interface SyncStateRow {
  readonly recordId: string;
  readonly recordType: RecordType;
  /** The states, packed (sync/packed-states.ts: `unpackStates` reads them, `syncStateRow` writes). */
  readonly packed: PackedStates;
}

/**
 * A record's server states without their values, packed (core sync/packed-states.ts).
 *
 * In a record's row (`serverClocks`) they mean: the record as this row stores it is exactly the
 * server's version, and nothing is pending for it; its values are the states' values. Only a pull
 * writes them there (an initial sync: every record, so it writes one row per record, not two:
 * IndexedDB's cost is per row far more than per byte). A save, which changes the record, first moves
 * them into a full `syncStates` row built from the record it replaces, in the same transaction.
 */
export type ServerClocks = PackedClocks;

/** The one row of `syncMeta`. */
export interface SyncMetaRow {
  readonly key: 'sync';
  /** The id this database pushes under: its HLC node id. */
  readonly clientId: string;
  /** The cursor of the last applied pull page; null before the first pull. */
  readonly cursor: string | null;
  /** The greatest seq the server said it processed. */
  readonly lastSeq: number;
  /**
   * Set while tickets written by an initial sync still lack their search rows (search/search-backlog.ts):
   * the backlog walk's position (the last ticket id indexed; null: from the start) and how many it did.
   */
  readonly searchBacklog?: SearchBacklog;
}

export interface SearchBacklog {
  readonly after: string | null;
  readonly indexed: number;
}

/** An op the server refused for good: kept, with why, until the user re-sends or discards it. */
export interface RejectionRow {
  /** The op's id. */
  readonly id: string;
  readonly recordId: string;
  readonly op: OutboxRow & { readonly seq: number };
  readonly code: RejectionCode;
  readonly reason: string;
  readonly rejectedAt: number;
}

/**
 * A pulled record this PC could not show: merged with the local writes still pending, it breaks the
 * record schema. The server's states are stored anyway; the record keeps its last valid local
 * version until a later pull, re-send or discard makes the merge valid again.
 */
export interface SyncProblemRow {
  readonly recordId: string;
  readonly recordType: RecordType;
  readonly reason: string;
  readonly at: number;
}
