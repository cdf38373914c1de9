import { App } from 'antd';
import { useCallback } from 'react';
import {
  isStoreError,
  useOfferUndoMessage,
  useSaveRecord,
  useShowStoreError,
  type SaveRecordVariables,
} from '../../store';

const UNDO_MESSAGE = {
  key: 'duty-save',
  messageTestId: 'duty-save-message',
  undoTestId: 'duty-undo',
} as const;

/**
 * Saves one duty record (each save one transaction with history and outbox) and says what it did,
 * with 撤销 while it is this window's last save. Resolves true when saved; a refused save is shown
 * and resolves false, so the form keeps what the user typed.
 */
export function useDutySave(): {
  readonly save: (variables: SaveRecordVariables, done: string, undone: string) => Promise<boolean>;
  readonly saving: boolean;
  readonly refuse: (reason: string) => void;
} {
  const mutation = useSaveRecord();
  const showStoreError = useShowStoreError();
  const offerUndo = useOfferUndoMessage(UNDO_MESSAGE);
  const { message } = App.useApp();
  const { mutateAsync } = mutation;
  const save = useCallback(
    async (variables: SaveRecordVariables, done: string, undone: string) => {
      try {
        const result = await mutateAsync(variables);
        offerUndo(done, result.record.id, () => undone);
        return true;
      } catch (error) {
        if (isStoreError(error)) showStoreError(error);
        else
          void message.error({
            content: error instanceof Error ? error.message : String(error),
            duration: 8,
          });
        return false;
      }
    },
    [mutateAsync, offerUndo, showStoreError, message],
  );
  const refuse = useCallback(
    (reason: string) => void message.error({ content: reason, duration: 8 }),
    [message],
  );
  return { save, saving: mutation.isPending, refuse };
}
