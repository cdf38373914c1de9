/**
 * Every schema version the app has shipped, oldest first. A version is never edited once shipped:
 * a change is a new version (with an upgrade function when existing rows need new fields), so a
 * database filled by any earlier version opens with everything in it (docs/local-store.md).
 */
export const SCHEMA_V1 = {
  tickets: 'id, subsystemId, status, deadlineAt, updatedAt, receivedAt, assignee, *tokens',
  inspectionTemplates: 'key, &id, templateId, subsystemId',
  inspectionRuns: 'id, [templateId+slotKey], subsystemId, startedAt',
  history: 'id, [recordId+at], hlc',
  outbox: '++seq',
  blobs: 'sha256',
  meta: 'key',
} as const;

/**
 * Version 2:
 * - the list's main query (one subsystem, one status, by deadline) and the status-only variant get
 *   compound indexes, so a first page is a single index range read;
 * - the search tokens move to their own table, `ticketSearch` (one row per ticket, `*tokens`).
 *   IndexedDB rewrites every index entry of a row on each put, so with the tokens on the ticket every
 *   save rewrote ~50–256 token entries; now only a save that changes the searchable text does. The
 *   row keeps its `tokens` (unindexed) so a filter can still check a row without another read;
 * - tickets gain the `breached` flag. Filled by version 3's upgrade, which rebuilds every ticket row.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  tickets:
    'id, [subsystemId+status+deadlineAt], [status+deadlineAt], deadlineAt, updatedAt, receivedAt, assignee',
  ticketSearch: 'id, *tokens',
} as const;

/**
 * Version 3 (sync, docs/sync-protocol.md):
 * - `syncStates`: per record, the merge state of every field (core merge.ts) as the server has it; a
 *   pulled record merges with the local un-pushed writes (replayed from the outbox) by the same rule
 *   as on the server;
 * - `syncMeta`: one row, the client id (the HLC node id), the pull cursor and the last seq the
 *   server acknowledged;
 * - `rejections`: ops the server refused for good, with its code and reason, until the user re-sends
 *   or discards them;
 * - `syncProblems`: pulled records that could not be shown because the merge with local writes broke
 *   the record schema, with the reason;
 * - `outbox` gains a `recordId` index: what is still pending for a record;
 * - `ticketSearch` holds two rows per ticket, `<id>#head` (title, reporter, chat) and `<id>#body`
 *   (description), instead of one: a new title rewrites a few dozen index entries, not hundreds.
 * The upgrade (upgrade-v3.ts) fills `syncStates`, each queued op's `kind` and `subsystemId`, and
 * rebuilds `ticketSearch` in the two-row form.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  outbox: '++seq, recordId',
  syncStates: 'recordId',
  syncMeta: 'key',
  rejections: 'id, recordId, rejectedAt',
  syncProblems: 'recordId',
} as const;

/**
 * Version 4: tickets lose the `updatedAt` and `receivedAt` indexes. No query reads them (the date
 * filter checks `receivedAt` on rows read by deadline), yet every save and every pulled ticket wrote
 * both. Dropping an index needs no upgrade of the rows.
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  tickets: 'id, [subsystemId+status+deadlineAt], [status+deadlineAt], deadlineAt, assignee',
} as const;

/**
 * Version 5: `syncStates` rows hold their states packed (sync/packed-states.ts): the clock most fields
 * share once, the values, only the clocks that differ. Stored field by field they took three times the
 * bytes of the record, and an initial sync writes one per record. The upgrade (upgrade-v5.ts) packs
 * every row; the indexes are unchanged.
 */
export const SCHEMA_V5 = SCHEMA_V4;

/**
 * Version 6: a record shown exactly as the server has it keeps the server's clocks in its own row
 * (`serverClocks`, rows/row-types.ts ServerClocks) instead of a lean `syncStates` row: an initial sync
 * wrote two rows per record, and IndexedDB's cost is per row far more than per byte (+47 % on
 * 100,000 tickets, `npm run --silent bench -- rows`). The upgrade (upgrade-v6.ts) moves every lean
 * row into its record's row; every `syncStates` row is full after it. The indexes are unchanged.
 */
export const SCHEMA_V6 = SCHEMA_V5;

/**
 * Version 7: `records`, one table for the record kinds of which a contract year has hundreds
 * (trainings, duty, visits, on-site days; store/kinds/plain-store-kind.ts), indexed by type and day and
 * by the units of a visit. A new kind of that size needs no table and no version of its own. New and
 * empty, so no upgrade.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  records: 'id, [type+day], *unitIds',
} as const;

/**
 * Version 8: `ticketDigests`, the tickets' clock digests (core reports/ticket-digest.ts) in one row per
 * Shanghai month of receipt and subsystem (features/tickets/ticket-digest-buckets.ts), so the
 * dashboard counts a year of tickets from ~150 rows instead of reading every ticket. Ticket saves and
 * pulls keep it; a row keyed `built` names the SLA rules it was built under, and a store without it
 * (this upgrade leaves the table empty) or with other rules is built again when first read.
 */
export const SCHEMA_V8 = {
  ...SCHEMA_V7,
  ticketDigests: 'key',
} as const;

export const CURRENT_SCHEMA_VERSION = 8;
