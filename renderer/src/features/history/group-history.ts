import type { RecordType } from '@core/records';
import type { HistoryEntry } from '@core/sync';
import { fieldRank } from './history-labels';

/** One save: the fields it changed, by whom and when. */
export interface SaveGroup {
  readonly hlc: string;
  readonly at: number;
  readonly actor: string;
  /** The save that created the record: every field was new. */
  readonly created: boolean;
  readonly entries: readonly HistoryEntry[];
}

/**
 * History rows grouped by save (one save, one HLC), newest first; within a save, fields in the
 * order of the record's field table.
 */
export function groupBySave(entries: readonly HistoryEntry[], recordType: RecordType): SaveGroup[] {
  const groups = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.hlc);
    if (group === undefined) groups.set(entry.hlc, [entry]);
    else group.push(entry);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0))
    .map(([hlc, group]) => {
      const first = group[0] as HistoryEntry;
      return {
        hlc,
        at: first.at,
        actor: first.actor,
        created: group.every((entry) => entry.oldValue === undefined),
        entries: [...group].sort(
          (a, b) =>
            fieldRank(recordType, a.field) - fieldRank(recordType, b.field) || a.field.localeCompare(b.field),
        ),
      };
    });
}
