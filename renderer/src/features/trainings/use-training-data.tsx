import { canReadSubsystem } from '@core/auth';
import { loadDefaultProfile, type ContractProfile } from '@core/profile';
import type { Training } from '@core/records/kinds';
import { useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useMemo } from 'react';
import { useOfferUndoMessage, useSaveRecord, useShowStoreError } from '../../store';
import { sessionScope, useSession } from '../session';

/**
 * The contract profile in force (the shipped one until sync brings HQ's), with the training
 * requirements and the document system's units. A query, so a profile that fails validation shows its
 * reason on the page instead of breaking it.
 */
export function useTrainingProfile() {
  return useQuery<ContractProfile>({
    queryKey: ['contract-profile', 'full'],
    queryFn: () => loadDefaultProfile(),
  });
}

/** Whether this user receives the records of a subsystem (the rule every pull applies). */
export function useReadableSubsystem(profile: ContractProfile | undefined): (subsystemId: number) => boolean {
  const session = useSession();
  return useMemo(() => {
    const scope = sessionScope(session);
    const context = { documentSystemSubsystemId: profile?.documentSystem?.subsystemId ?? null };
    return (subsystemId: number) => scope === null || canReadSubsystem(scope, subsystemId, context);
  }, [session, profile]);
}

const UNDO_MESSAGE = {
  key: 'training-save',
  messageTestId: 'save-message',
  undoTestId: 'undo-save',
} as const;

/** Shows "<done>" with 撤销, while that save is still this window's last one and was of this training. */
export function useOfferTrainingUndo(): (done: string, trainingId: string) => void {
  const offer = useOfferUndoMessage(UNDO_MESSAGE);
  return useCallback(
    (done: string, trainingId: string) =>
      offer(done, trainingId, (result) =>
        result.record.deleted ? '已撤销：这条培训记录已删除' : `已撤销：${done}`,
      ),
    [offer],
  );
}

/**
 * Saves a training. Failures are shown by the store's error display (a dialog for a full disk, a
 * message otherwise) and nothing saved before is lost; the caller's form keeps what was typed.
 * Resolves to the stored training, or null when the save failed.
 */
export function useSaveTraining(): {
  readonly save: (before: Training | null, after: Training) => Promise<Training | null>;
  readonly saving: boolean;
} {
  const mutation = useSaveRecord();
  const showError = useShowStoreError();
  const { message } = App.useApp();
  const { mutateAsync } = mutation;
  const save = useCallback(
    async (before: Training | null, after: Training): Promise<Training | null> => {
      try {
        const result = await mutateAsync({ recordType: 'training', before, after });
        if (result.op === null) void message.info('没有需要保存的修改');
        return result.record as Training;
      } catch (error) {
        showError(error);
        return null;
      }
    },
    [mutateAsync, message, showError],
  );
  return { save, saving: mutation.isPending };
}
