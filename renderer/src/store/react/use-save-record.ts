import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { StoreError } from '../errors/store-error';
import type { StoreRecordType } from '../save/record-kinds';
import { saveRecord, type SaveRecordInput, type SaveRecordResult } from '../save/save-record';
import { invalidateAfterSave } from './invalidate-after-save';
import { useLastSaveStore, type LastSave } from './last-save';
import { useStoreContext } from './store-context';

/** saveRecord's input; `actor` defaults to the signed-in user and `at` to now. */
export type SaveRecordVariables = {
  [K in StoreRecordType]: Omit<SaveRecordInput<K>, 'actor' | 'at'> & {
    readonly actor?: string;
    readonly at?: number;
  };
}[StoreRecordType];

/** Runs one save and everything that follows it in this window: caches, other windows, undo. */
export function useSaveAndAnnounce(): (variables: SaveRecordVariables) => Promise<SaveRecordResult> {
  const { db, user, broadcast } = useStoreContext();
  const queryClient = useQueryClient();
  const remember = useLastSaveStore((state) => state.remember);
  return useCallback(
    async (variables) => {
      const input = { ...variables, actor: variables.actor ?? user.id, at: variables.at ?? Date.now() };
      const result = await saveRecord(db, input as SaveRecordInput);
      if (result.op === null) return result;
      const saved = { recordType: variables.recordType, recordId: result.record.id };
      remember({
        databaseName: db.name,
        recordType: variables.recordType,
        record: result.record,
        previous: result.previous,
      } as LastSave);
      broadcast.announce(saved);
      await invalidateAfterSave(queryClient, saved);
      return result;
    },
    [db, user.id, broadcast, queryClient, remember],
  );
}

/**
 * A save the app makes on its own (a reminder's receipt): the caches and this user's other windows
 * hear of it like any save, but it is not remembered as the last save, so 撤销 never undoes what the
 * user did not do.
 */
export function useSaveInBackground(): (input: SaveRecordInput) => Promise<SaveRecordResult> {
  const { db, broadcast } = useStoreContext();
  const queryClient = useQueryClient();
  return useCallback(
    async (input) => {
      const result = await saveRecord(db, input);
      if (result.op === null) return result;
      const saved = { recordType: input.recordType, recordId: result.record.id };
      broadcast.announce(saved);
      await invalidateAfterSave(queryClient, saved);
      return result;
    },
    [db, broadcast, queryClient],
  );
}

/**
 * A react-query mutation around saveRecord: on success it refreshes the cached lists and the record's
 * history, tells this user's other windows, and remembers the save for useUndoLastSave. Failures are
 * StoreErrors with a Chinese message (show them with useShowStoreError).
 */
export function useSaveRecord() {
  const save = useSaveAndAnnounce();
  return useMutation<SaveRecordResult, StoreError, SaveRecordVariables>({ mutationFn: save });
}
