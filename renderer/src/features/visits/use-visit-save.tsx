import type { Visit } from '@core/records/kinds';
import { useSaveWithUndo } from '../../store';

const UNDO_MESSAGE = {
  key: 'visit-save',
  messageTestId: 'visit-save-message',
  undoTestId: 'undo-visit-save',
} as const;

const undone = (_after: Visit, reverted: { record: { deleted: boolean } }, done: string) =>
  reverted.record.deleted ? '已撤销：这条回访记录已删除' : `已撤销：${done}`;

/** Saves a visit and says `done` with 撤销; a failed save resolves to null (useSaveWithUndo). */
export function useSaveVisit() {
  return useSaveWithUndo('visit', UNDO_MESSAGE, undone);
}
