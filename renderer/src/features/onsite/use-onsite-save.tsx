import type { OnSiteDay } from '@core/records/kinds';
import { useSaveWithUndo } from '../../store';

const UNDO_MESSAGE = {
  key: 'onsite-save',
  messageTestId: 'onsite-save-message',
  undoTestId: 'undo-onsite-save',
} as const;

const undone = (after: OnSiteDay, reverted: { record: { deleted: boolean } }, done: string) =>
  reverted.record.deleted ? `已撤销：${after.date} 的记录已删除` : `已撤销：${done}`;

/** Saves an on-site day and says `done` with 撤销; a failed save resolves to null (useSaveWithUndo). */
export function useSaveOnSiteDay() {
  return useSaveWithUndo('onSiteDay', UNDO_MESSAGE, undone);
}
