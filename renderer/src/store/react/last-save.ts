import { create } from 'zustand';
import type { StoreRecordType, StoredRecords } from '../save/record-kinds';

/** The last save made in this window, as the undo needs it. */
export type LastSave = {
  [K in StoreRecordType]: {
    readonly databaseName: string;
    readonly recordType: K;
    /** The record as that save stored it. */
    readonly record: StoredRecords[K];
    /** The record before that save; null if the save created it. */
    readonly previous: StoredRecords[K] | null;
  };
}[StoreRecordType];

interface LastSaveState {
  readonly lastSave: LastSave | null;
  remember(save: LastSave): void;
  forget(): void;
}

export const useLastSaveStore = create<LastSaveState>((set) => ({
  lastSave: null,
  remember: (save) => set({ lastSave: save }),
  forget: () => set({ lastSave: null }),
}));
