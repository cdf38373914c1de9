import type { Visit } from '@core/records/kinds';
import { App } from 'antd';
import { useCallback } from 'react';
import { useOfferUndoMessage, useSaveRecord, useShowStoreError } from '../../store';

const UNDO_MESSAGE = {
  key: 'visit-save',
  messageTestId: 'visit-save-message',
  undoTestId: 'undo-visit-save',
} as const;

/**
 * Saves a visit and says `done` with 撤销. A failed save is shown by the store's error display and
 * resolves to null: the form keeps what was typed, and nothing saved before is lost.
 */
export function useSaveVisit(): {
  readonly save: (before: Visit | null, after: Visit, done: string) => Promise<Visit | null>;
  readonly saving: boolean;
} {
  const mutation = useSaveRecord();
  const showError = useShowStoreError();
  const offer = useOfferUndoMessage(UNDO_MESSAGE);
  const { message } = App.useApp();
  const { mutateAsync } = mutation;
  const save = useCallback(
    async (before: Visit | null, after: Visit, done: string): Promise<Visit | null> => {
      try {
        const result = await mutateAsync({ recordType: 'visit', before, after });
        if (result.op === null) void message.info('没有需要保存的修改');
        else
          offer(done, result.record.id, (undone) =>
            undone.record.deleted ? '已撤销：这条回访记录已删除' : `已撤销：${done}`,
          );
        return result.record as Visit;
      } catch (error) {
        showError(error);
        return null;
      }
    },
    [mutateAsync, message, offer, showError],
  );
  return { save, saving: mutation.isPending };
}
