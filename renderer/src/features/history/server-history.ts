import { valuesEqual, type RecordType } from '@core/records';
import { decodeHlc } from '@core/sync';
import type { ServerHistoryEntry } from '@core/sync/protocol';
import { fieldRank } from './history-labels';

/** One write of a server op, with the value it replaced (as far as the server's history says). */
export interface ServerChange {
  readonly key: string;
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Lost a concurrent edit to the same field (the merge rule picked another value): 冲突中未被采用. */
  readonly superseded: boolean;
  /** A list merged by union (a ticket's timeline): only what it added is news. */
  readonly merged: boolean;
}

/** One op as the server received it: who pushed it, when it was made and received. */
export interface ServerSave {
  readonly opId: string;
  readonly hlc: string;
  /** When the edit was made (the HLC's wall time), Beijing time when shown. */
  readonly at: number;
  readonly receivedAt: number;
  readonly user: string;
  readonly created: boolean;
  readonly changes: readonly ServerChange[];
}

/** Bookkeeping every op carries that says nothing to a reviewer. */
const SKIPPED_FIELDS = new Set(['updatedAt']);

const byHlc = (a: ServerHistoryEntry, b: ServerHistoryEntry) =>
  a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0;

function union(before: unknown, added: unknown): unknown {
  if (!Array.isArray(before) || !Array.isArray(added)) return added;
  const seen = new Set(before.map((item) => JSON.stringify(item)));
  return [...before, ...added.filter((item) => !seen.has(JSON.stringify(item)))];
}

/**
 * The server's history of a record (GET /api/v1/sync/history) as saves, newest first. Walking the
 * writes in HLC order, each field's value so far is the last write that was not superseded, so every
 * change reads old → new; a superseded write is kept, marked, with the value it proposed. A write that
 * changed nothing is left out, and so is a save left with no change.
 */
export function groupServerHistory(
  entries: readonly ServerHistoryEntry[],
  recordType: RecordType,
): ServerSave[] {
  const current = new Map<string, unknown>();
  const saves = new Map<string, { first: ServerHistoryEntry; changes: ServerChange[]; created: boolean }>();
  for (const entry of [...entries].sort(byHlc)) {
    const superseded = entry.outcome === 'superseded';
    const merged = entry.outcome === 'merged';
    const before = current.get(entry.field);
    const next = merged ? union(before, entry.value) : entry.value;
    if (!superseded) current.set(entry.field, next);
    let save = saves.get(entry.opId);
    if (save === undefined) {
      save = { first: entry, changes: [], created: false };
      saves.set(entry.opId, save);
    }
    if (entry.field === 'id') save.created = true;
    if (SKIPPED_FIELDS.has(entry.field)) continue;
    // A write that leaves the field as it was (an op re-sent whole, a merge adding nothing) changed
    // nothing, so it is no history.
    if (!superseded && before !== undefined && valuesEqual(before, next)) continue;
    save.changes.push({
      key: `${entry.opId}:${entry.field}`,
      field: entry.field,
      before,
      after: entry.value,
      superseded,
      merged,
    });
  }
  return [...saves.entries()]
    .filter(([, save]) => save.created || save.changes.length > 0)
    .map(([opId, { first, changes, created }]) => ({
      opId,
      hlc: first.hlc,
      at: decodeHlc(first.hlc).wallMs,
      receivedAt: first.receivedAt,
      user: first.user,
      created,
      changes: changes.sort(
        (a, b) =>
          fieldRank(recordType, a.field) - fieldRank(recordType, b.field) || a.field.localeCompare(b.field),
      ),
    }))
    .sort((a, b) => (a.hlc < b.hlc ? 1 : a.hlc > b.hlc ? -1 : 0));
}
