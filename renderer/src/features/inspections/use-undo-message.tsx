import { App, Button } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useUndoLastSave } from '../../store';
import { useShowError } from './use-show-error';

const UNDO_MESSAGE_KEY = 'inspection-save';

/**
 * Says what a save did, with 撤销 while it is still this window's last save of that record. The undo
 * is the store's: the previous state saved again as a new edit, so history keeps both.
 */
export function useUndoMessage(): (done: string, recordId: string, undone: string) => void {
  const { message } = App.useApp();
  const showError = useShowError();
  const { lastSave, undo } = useUndoLastSave();
  const latest = useRef(lastSave);
  useEffect(() => {
    latest.current = lastSave;
  }, [lastSave]);
  return useCallback(
    (done: string, recordId: string, undone: string) => {
      const runUndo = () => {
        message.destroy(UNDO_MESSAGE_KEY);
        if (latest.current?.record.id !== recordId) {
          void message.warning('之后又保存过其他内容，这一步已不能撤销');
          return;
        }
        undo()
          .then(() => void message.success(undone))
          .catch(showError);
      };
      void message.open({
        key: UNDO_MESSAGE_KEY,
        type: 'success',
        duration: 8,
        content: (
          <span data-testid="inspection-save-message">
            {done}
            <Button
              type="link"
              size="small"
              autoInsertSpace={false}
              onClick={runUndo}
              data-testid="inspection-undo"
            >
              撤销
            </Button>
          </span>
        ),
      });
    },
    [message, showError, undo],
  );
}
