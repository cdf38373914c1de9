import type { Ticket } from '@core/records';
import { App, Button } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useSaveRecord, useShowStoreError, useUndoLastSave } from '../../store';

const SAVE_MESSAGE_KEY = 'ticket-save';

/**
 * Saves a ticket and says `done`, with an 撤销 button while this save is still the last one (a null
 * `done` leaves that to the caller, e.g. the page shown next). Failures are
 * shown by the store's error display (a dialog for a full disk, a message otherwise); nothing that
 * was saved before is lost. Resolves to the stored ticket, or null when the save failed.
 */
export function useSaveTicket(): {
  readonly save: (before: Ticket | null, after: Ticket, done: string | null) => Promise<Ticket | null>;
  readonly saving: boolean;
} {
  const mutation = useSaveRecord();
  const showError = useShowStoreError();
  const offerUndo = useOfferUndo();
  const { message } = App.useApp();
  const { mutateAsync } = mutation;
  const save = useCallback(
    async (before: Ticket | null, after: Ticket, done: string | null): Promise<Ticket | null> => {
      try {
        const result = await mutateAsync({ recordType: 'ticket', before, after });
        if (result.op === null) {
          void message.info('没有需要保存的修改');
        } else if (done !== null) {
          offerUndo(done, result.record.id);
        }
        return result.record as Ticket;
      } catch (error) {
        showError(error);
        return null;
      }
    },
    [mutateAsync, message, offerUndo, showError],
  );
  return { save, saving: mutation.isPending };
}

/**
 * Shows "<done>" with 撤销. The undo reverts the last save of this window, so it is only offered, and
 * only run, while that save is still the last one and was for this ticket.
 */
export function useOfferUndo(): (done: string, ticketId: string) => void {
  const { message } = App.useApp();
  const showError = useShowStoreError();
  const { lastSave, undo } = useUndoLastSave();
  const latest = useRef(lastSave);
  useEffect(() => {
    latest.current = lastSave;
  }, [lastSave]);
  return useCallback(
    (done: string, ticketId: string) => {
      const runUndo = () => {
        message.destroy(SAVE_MESSAGE_KEY);
        if (latest.current?.record.id !== ticketId) {
          void message.warning('之后又保存过其他内容，这一步已不能撤销');
          return;
        }
        undo()
          .then((result) => {
            void message.success(result.record.deleted ? '已撤销：这张工单已删除' : `已撤销：${done}`);
          })
          .catch(showError);
      };
      void message.open({
        key: SAVE_MESSAGE_KEY,
        type: 'success',
        duration: 8,
        content: (
          <span data-testid="save-message">
            {done}
            <Button
              type="link"
              size="small"
              autoInsertSpace={false}
              onClick={runUndo}
              data-testid="undo-save"
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
