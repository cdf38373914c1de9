import { create } from 'zustand';

interface SchedulerStatus {
  /** Why the last notification did not show (permission refused, no notification support); null when it did. */
  readonly notifyProblem: string | null;
  /** Why the last receipt could not be saved; null when it was. */
  readonly saveProblem: string | null;
  report(problems: Partial<Pick<SchedulerStatus, 'notifyProblem' | 'saveProblem'>>): void;
}

/** What went wrong the last time the scheduler fired, for the reminder page to say. */
export const useSchedulerStatus = create<SchedulerStatus>((set) => ({
  notifyProblem: null,
  saveProblem: null,
  report: (problems) => set(problems),
}));
