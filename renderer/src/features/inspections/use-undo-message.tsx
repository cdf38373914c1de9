import { useCallback } from 'react';
import { useOfferUndoMessage } from '../../store';

const UNDO_MESSAGE = {
  key: 'inspection-save',
  messageTestId: 'inspection-save-message',
  undoTestId: 'inspection-undo',
} as const;

/** Says what an inspection save did, with 撤销 while it is still this window's last save of it. */
export function useUndoMessage(): (done: string, recordId: string, undone: string) => void {
  const offer = useOfferUndoMessage(UNDO_MESSAGE);
  return useCallback(
    (done: string, recordId: string, undone: string) => offer(done, recordId, () => undone),
    [offer],
  );
}
