import { useMutation } from '@tanstack/react-query';
import { StoreError } from '../errors/store-error';
import type { SaveRecordResult } from '../save/save-record';
import { undoInput } from '../save/undo-input';
import { useLastSaveStore, type LastSave } from './last-save';
import { useStoreContext } from './store-context';
import { useSaveAndAnnounce } from './use-save-record';

export interface UndoLastSave {
  /** The save an undo would revert (made in this window, for this user); null when there is none. */
  readonly lastSave: LastSave | null;
  /** Reverts it as a NEW save: history keeps both the edit and its undo. */
  readonly undo: () => Promise<SaveRecordResult>;
  readonly isPending: boolean;
}

/**
 * Undo of the last save: the previous state is saved again (a created record becomes a tombstone).
 * If the record changed since (another window), the save is refused as a conflict, never forced.
 */
export function useUndoLastSave(): UndoLastSave {
  const { db } = useStoreContext();
  const stored = useLastSaveStore((state) => state.lastSave);
  const forget = useLastSaveStore((state) => state.forget);
  const save = useSaveAndAnnounce();
  const lastSave = stored !== null && stored.databaseName === db.name ? stored : null;

  const mutation = useMutation<SaveRecordResult, StoreError>({
    // Read at call time, not from this render: a caller may keep an older `undo` around.
    mutationFn: async () => {
      const current = useLastSaveStore.getState().lastSave;
      if (current === null || current.databaseName !== db.name) {
        throw new StoreError('invalid', '没有可以撤销的保存。');
      }
      const result = await save(undoInput(current));
      forget();
      return result;
    },
  });
  return { lastSave, undo: () => mutation.mutateAsync(), isPending: mutation.isPending };
}
