import type { ReminderKind } from '@core/reminders';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface ReminderSettingsState {
  /** Per user id: the kinds they turned off on this PC. */
  readonly offByUser: Readonly<Record<string, readonly ReminderKind[]>>;
  setKindOn(user: string, kind: ReminderKind, on: boolean): void;
}

const NONE_OFF: readonly ReminderKind[] = [];

/**
 * Which kinds of reminder each user turned off, kept in this PC's local storage: a preference of the
 * desk in front of them (a PC on the duty desk may want no inspection reminders), not a record to sync.
 */
export const useReminderSettings = create<ReminderSettingsState>()(
  persist(
    (set) => ({
      offByUser: {},
      setKindOn: (user, kind, on) =>
        set((state) => {
          const off = (state.offByUser[user] ?? NONE_OFF).filter((each) => each !== kind);
          return { offByUser: { ...state.offByUser, [user]: on ? off : [...off, kind] } };
        }),
    }),
    { name: 'yunwei-reminder-settings', storage: createJSONStorage(() => window.localStorage), version: 1 },
  ),
);

/** The kinds the user turned off on this PC. */
export function useKindsOff(user: string): readonly ReminderKind[] {
  return useReminderSettings((state) => state.offByUser[user] ?? NONE_OFF);
}
