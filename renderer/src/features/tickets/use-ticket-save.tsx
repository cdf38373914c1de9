import type { Ticket } from '@core/records';
import { App } from 'antd';
import { useCallback } from 'react';
import { useOfferUndoMessage, useSaveRecord, useShowStoreError } from '../../store';

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

const UNDO_MESSAGE = { key: 'ticket-save', messageTestId: 'save-message', undoTestId: 'undo-save' } as const;

/** Shows "<done>" with 撤销, while that save is still this window's last one and was of this ticket. */
export function useOfferUndo(): (done: string, ticketId: string) => void {
  const offer = useOfferUndoMessage(UNDO_MESSAGE);
  return useCallback(
    (done: string, ticketId: string) =>
      offer(done, ticketId, (result) =>
        result.record.deleted ? '已撤销：这张工单已删除' : `已撤销：${done}`,
      ),
    [offer],
  );
}
