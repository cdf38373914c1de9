import type { ReportRemark } from '@core/records/kinds';
import { App } from 'antd';
import { useCallback } from 'react';
import { useOfferUndoMessage, useSaveRecord, useShowStoreError } from '../../store';

const UNDO_MESSAGE = {
  key: 'report-remark-save',
  messageTestId: 'report-remark-save-message',
  undoTestId: 'undo-report-remark-save',
} as const;

/**
 * Saves a month's remarks on this PC (synced later like every record) and says so with 撤销. A failed
 * save is shown by the store's error display and resolves to null, so the form keeps what was typed.
 */
export function useSaveReportRemark(): {
  readonly save: (before: ReportRemark | null, after: ReportRemark) => Promise<ReportRemark | null>;
  readonly saving: boolean;
} {
  const mutation = useSaveRecord();
  const showError = useShowStoreError();
  const offer = useOfferUndoMessage(UNDO_MESSAGE);
  const { message } = App.useApp();
  const { mutateAsync } = mutation;
  const save = useCallback(
    async (before: ReportRemark | null, after: ReportRemark): Promise<ReportRemark | null> => {
      try {
        const result = await mutateAsync({ recordType: 'reportRemark', before, after });
        const done = `已保存 ${after.month} 月报说明`;
        if (result.op === null) void message.info('没有需要保存的修改');
        else offer(done, result.record.id, () => `已撤销：${done}`);
        return result.record as ReportRemark;
      } catch (error) {
        showError(error);
        return null;
      }
    },
    [mutateAsync, message, offer, showError],
  );
  return { save, saving: mutation.isPending };
}
