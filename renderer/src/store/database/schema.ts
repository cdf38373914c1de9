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
 * Version 2: the list's main query (one subsystem, one status, by deadline) and the status-only
 * variant get compound indexes, so the first page is a single index range read; tickets gain the
 * `breached` flag (filled from each ticket's clocks by the upgrade).
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  tickets:
    'id, [subsystemId+status+deadlineAt], [status+deadlineAt], deadlineAt, updatedAt, receivedAt, assignee, breached, *tokens',
} as const;

export const CURRENT_SCHEMA_VERSION = 2;
