import { App } from 'antd';
import { useCallback } from 'react';
import type { StoreRecordType, StoredRecords } from '../save/record-kinds';
import type { SaveRecordResult } from '../save/save-record';
import { type UndoMessageOptions, useOfferUndo } from './use-offer-undo';
import { type SaveRecordVariables, useSaveRecord } from './use-save-record';
import { useShowStoreError } from './use-show-store-error';

/**
 * Saves a record of one type and says `done` with 撤销 (`undone` words what the undo did). A save that
 * changes nothing says so; a failed save is shown by the store's error display and resolves to null,
 * so a form keeps what was typed and nothing saved before is lost.
 */
export function useSaveWithUndo<T extends StoreRecordType>(
  recordType: T,
  message: UndoMessageOptions,
  undone: (after: StoredRecords[T], result: SaveRecordResult, done: string) => string,
): {
  readonly save: (
    before: StoredRecords[T] | null,
    after: StoredRecords[T],
    done: string,
  ) => Promise<StoredRecords[T] | null>;
  readonly saving: boolean;
} {
  const mutation = useSaveRecord();
  const showError = useShowStoreError();
  const offer = useOfferUndo(message);
  const app = App.useApp();
  const { mutateAsync } = mutation;
  const save = useCallback(
    async (
      before: StoredRecords[T] | null,
      after: StoredRecords[T],
      done: string,
    ): Promise<StoredRecords[T] | null> => {
      try {
        const result = await mutateAsync({ recordType, before, after } as SaveRecordVariables);
        if (result.op === null) void app.message.info('没有需要保存的修改');
        else offer(done, result.record.id, (reverted) => undone(after, reverted, done));
        return result.record as StoredRecords[T];
      } catch (error) {
        showError(error);
        return null;
      }
    },
    [recordType, mutateAsync, app, offer, showError, undone],
  );
  return { save, saving: mutation.isPending };
}
