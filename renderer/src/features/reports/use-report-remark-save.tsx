import type { ReportRemark } from '@core/records/kinds';
import { useCallback } from 'react';
import { useSaveWithUndo } from '../../store';

const UNDO_MESSAGE = {
  key: 'report-remark-save',
  messageTestId: 'report-remark-save-message',
  undoTestId: 'undo-report-remark-save',
} as const;

const undone = (_after: ReportRemark, _reverted: unknown, done: string) => `已撤销：${done}`;

/**
 * Saves a month's remarks on this PC (synced later like every record) and says so with 撤销; a failed
 * save resolves to null, so the form keeps what was typed (useSaveWithUndo).
 */
export function useSaveReportRemark(): {
  readonly save: (before: ReportRemark | null, after: ReportRemark) => Promise<ReportRemark | null>;
  readonly saving: boolean;
} {
  const { save, saving } = useSaveWithUndo('reportRemark', UNDO_MESSAGE, undone);
  return {
    save: useCallback(
      (before: ReportRemark | null, after: ReportRemark) =>
        save(before, after, `已保存 ${after.month} 月报说明`),
      [save],
    ),
    saving,
  };
}
