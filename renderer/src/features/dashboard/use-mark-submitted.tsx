import type { Obligation } from '@core/obligations';
import type { ReportSubmission } from '@core/records/kinds';
import { App } from 'antd';
import { useCallback } from 'react';
import {
  useCurrentUser,
  useDatabase,
  useOfferUndoMessage,
  useSaveRecord,
  useShowStoreError,
} from '../../store';
import { type HandIn, submissionFor } from './report-submission-form';

const UNDO_MESSAGE = {
  key: 'report-submission-save',
  messageTestId: 'report-submission-message',
  undoTestId: 'undo-report-submission',
} as const;

/**
 * 标记为已提交: saves on this PC (synced later, offline like every record) that the occasion's report
 * was handed in as `handIn` says, by the user, and says so with 撤销. Resolves to whether it was saved;
 * a refusal or a failed save is shown in the user's words.
 */
export function useMarkSubmitted(): {
  readonly mark: (obligation: Obligation, handIn: HandIn, at: number) => Promise<boolean>;
  readonly saving: boolean;
} {
  const db = useDatabase();
  const user = useCurrentUser();
  const mutation = useSaveRecord();
  const showError = useShowStoreError();
  const offer = useOfferUndoMessage(UNDO_MESSAGE);
  const { message } = App.useApp();
  const { mutateAsync } = mutation;
  const mark = useCallback(
    async (obligation: Obligation, handIn: HandIn, at: number): Promise<boolean> => {
      try {
        // The occasion's one record: one marked and undone before is a deleted record to bring back.
        const built = submissionFor(obligation, { before: null, actor: user.id, at, handIn });
        if (!built.ok) {
          void message.error(built.reason);
          return false;
        }
        const row = await db.records.get(built.record.id);
        const before = row === undefined ? null : (row.record as ReportSubmission);
        const after =
          before === null ? built : submissionFor(obligation, { before, actor: user.id, at, handIn });
        if (!after.ok) {
          void message.error(after.reason);
          return false;
        }
        const result = await mutateAsync({ recordType: 'reportSubmission', before, after: after.record });
        const done = `已标记为已提交：${obligation.title}`;
        offer(done, result.record.id, () => `已撤销：${obligation.title} 未提交`);
        return true;
      } catch (error) {
        showError(error);
        return false;
      }
    },
    [db, user.id, mutateAsync, message, offer, showError],
  );
  return { mark, saving: mutation.isPending };
}
