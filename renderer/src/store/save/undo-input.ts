import { StoreError } from '../errors/store-error';
import { RECORD_KINDS, type StoreRecordType, type StoredRecords } from './record-kinds';
import type { SaveRecordInput } from './save-record';

/** A save that can be undone: what it stored and what was there before. */
export type UndoableSave = {
  [K in StoreRecordType]: {
    readonly recordType: K;
    readonly record: StoredRecords[K];
    readonly previous: StoredRecords[K] | null;
  };
}[StoreRecordType];

export type UndoInput = {
  [K in StoreRecordType]: Omit<SaveRecordInput<K>, 'actor' | 'at'>;
}[StoreRecordType];

/**
 * The save that reverts `save`: its previous state stored again as a new edit (history keeps both).
 * A save that created the record is undone by a tombstone (records are never erased, so the delete
 * can sync).
 */
export function undoInput(save: UndoableSave): UndoInput {
  if (save.previous === null && save.record.deleted) {
    throw new StoreError('invalid', `这条${RECORD_KINDS[save.recordType].label}已删除，没有可以撤销的内容。`);
  }
  const after = save.previous ?? { ...save.record, deleted: true };
  return { recordType: save.recordType, before: save.record, after } as UndoInput;
}
