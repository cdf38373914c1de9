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
 * - tickets gain the `breached` flag. The upgrade rebuilds every ticket row and fills `ticketSearch`.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  tickets:
    'id, [subsystemId+status+deadlineAt], [status+deadlineAt], deadlineAt, updatedAt, receivedAt, assignee',
  ticketSearch: 'id, *tokens',
} as const;

export const CURRENT_SCHEMA_VERSION = 2;
