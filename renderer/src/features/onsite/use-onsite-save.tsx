import type { OnSiteDay } from '@core/records/kinds';
import { App } from 'antd';
import { useCallback } from 'react';
import { useOfferUndoMessage, useSaveRecord, useShowStoreError } from '../../store';

const UNDO_MESSAGE = {
  key: 'onsite-save',
  messageTestId: 'onsite-save-message',
  undoTestId: 'undo-onsite-save',
} as const;

/**
 * Saves an on-site day and says `done` with 撤销. A failed save is shown by the store's error display
 * and resolves to null, so a form keeps what was typed.
 */
export function useSaveOnSiteDay(): {
  readonly save: (before: OnSiteDay | null, after: OnSiteDay, done: string) => Promise<OnSiteDay | null>;
  readonly saving: boolean;
} {
  const mutation = useSaveRecord();
  const showError = useShowStoreError();
  const offer = useOfferUndoMessage(UNDO_MESSAGE);
  const { message } = App.useApp();
  const { mutateAsync } = mutation;
  const save = useCallback(
    async (before: OnSiteDay | null, after: OnSiteDay, done: string): Promise<OnSiteDay | null> => {
      try {
        const result = await mutateAsync({ recordType: 'onSiteDay', before, after });
        if (result.op === null) void message.info('没有需要保存的修改');
        else
          offer(done, result.record.id, (undone) =>
            undone.record.deleted ? `已撤销：${after.date} 的记录已删除` : `已撤销：${done}`,
          );
        return result.record as OnSiteDay;
      } catch (error) {
        showError(error);
        return null;
      }
    },
    [mutateAsync, message, offer, showError],
  );
  return { save, saving: mutation.isPending };
}
