import { App, Button } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import type { SaveRecordResult } from '../save/save-record';
import { useShowStoreError } from './use-show-store-error';
import { useUndoLastSave } from './use-undo-last-save';

/** Where a feature shows its "saved, 撤销" message: one message key, and test ids for its e2e specs. */
export interface UndoMessageOptions {
  readonly key: string;
  readonly messageTestId: string;
  readonly undoTestId: string;
}

/**
 * Says what a save did ("<done>") with 撤销. The undo reverts this window's last save (the previous
 * state saved again as a new edit, so history keeps both); it is only run while that save is still the
 * last one and was of `recordId`. `undone` words what the undo did.
 */
export function useOfferUndo(
  options: UndoMessageOptions,
): (done: string, recordId: string, undone: (result: SaveRecordResult) => string) => void {
  const { message } = App.useApp();
  const showError = useShowStoreError();
  const { lastSave, undo } = useUndoLastSave();
  const latest = useRef(lastSave);
  useEffect(() => {
    latest.current = lastSave;
  }, [lastSave]);
  const { key, messageTestId, undoTestId } = options;
  return useCallback(
    (done, recordId, undone) => {
      const runUndo = () => {
        message.destroy(key);
        if (latest.current?.record.id !== recordId) {
          void message.warning('之后又保存过其他内容，这一步已不能撤销');
          return;
        }
        undo()
          .then((result) => void message.success(undone(result)))
          .catch(showError);
      };
      void message.open({
        key,
        type: 'success',
        duration: 8,
        content: (
          <span data-testid={messageTestId}>
            {done}
            <Button
              type="link"
              size="small"
              autoInsertSpace={false}
              onClick={runUndo}
              data-testid={undoTestId}
            >
              撤销
            </Button>
          </span>
        ),
      });
    },
    [message, showError, undo, key, messageTestId, undoTestId],
  );
}
