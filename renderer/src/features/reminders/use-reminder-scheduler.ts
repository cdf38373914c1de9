import type { ReminderReceipt } from '@core/records/kinds';
import { useEffect, useRef } from 'react';
import {
  type SaveRecordInput,
  type YunweiDatabase,
  toStoreError,
  useDatabase,
  useSaveInBackground,
} from '../../store';
import { getHost } from '../../host/get-host';
import type { ReminderToFire } from './reminder-view';
import { useSchedulerStatus } from './scheduler-status';

/** One firing per receipt state: a new cause, or the end of one particular snooze. */
function firingKey(firing: ReminderToFire): string {
  return `${firing.after.id}:${firing.before?.snoozedUntil ?? 'new'}`;
}

/**
 * Fires what the view says is due: for each, saves the receipt, then notifies through the host. The
 * receipt goes first so that a reload, another window or (once synced) another PC sees it fired; the
 * store is read again under a lock shared by this user's windows, so two windows never both fire it.
 * The receipt is a background save (useSaveInBackground): other windows hear of it, but it never
 * becomes the "last save" that the user's 撤销 would undo.
 */
export function useReminderScheduler(toFire: readonly ReminderToFire[] | undefined, user: string): void {
  const db = useDatabase();
  const save = useSaveInBackground();
  const handled = useRef(new Set<string>());
  const report = useSchedulerStatus((state) => state.report);
  useEffect(() => {
    if (toFire === undefined) return;
    const pending = toFire.filter((firing) => !handled.current.has(firingKey(firing)));
    if (pending.length === 0) return;
    for (const firing of pending) handled.current.add(firingKey(firing));
    void (async () => {
      for (const firing of pending) {
        try {
          const outcome = await withLock(`yunwei-reminders:${db.name}`, () =>
            fireOnce(db, save, firing, user),
          );
          if (outcome !== 'skipped') report({ notifyProblem: outcome.notifyProblem, saveProblem: null });
        } catch (error) {
          // Not recorded as fired: the next evaluation tries again.
          handled.current.delete(firingKey(firing));
          report({ saveProblem: toStoreError(error, '提醒记录').message });
        }
      }
    })();
  }, [toFire, user, db, save, report]);
}

type FireOutcome = 'skipped' | { readonly notifyProblem: string | null };

/**
 * Saves the receipt and notifies, unless the stored receipt moved on since the view was computed (fired
 * by another window or synced from another PC): then it is skipped. A notification the host could not
 * show is still fired (the bell and the list have it); why it did not show is returned.
 */
async function fireOnce(
  db: YunweiDatabase,
  save: (input: SaveRecordInput) => Promise<unknown>,
  firing: ReminderToFire,
  user: string,
): Promise<FireOutcome> {
  const row = await db.records.get(firing.after.id);
  const stored = (row?.record as ReminderReceipt | undefined) ?? null;
  const unchanged =
    firing.before === null
      ? stored === null
      : stored !== null && stored.updatedAt === firing.before.updatedAt;
  if (!unchanged) return 'skipped';
  await save({
    recordType: 'reminderReceipt',
    before: firing.before,
    after: firing.after,
    actor: user,
    at: Date.now(),
  });
  try {
    const { title, body, link } = firing.reminder;
    const result = await getHost().notify({ title, body, link });
    return { notifyProblem: result.shown ? null : result.reason };
  } catch (error) {
    return { notifyProblem: error instanceof Error ? error.message : String(error) };
  }
}

/** Runs `task` alone among this origin's windows where the browser has Web Locks (Chromium, Electron). */
function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  if (typeof navigator.locks?.request !== 'function') return task();
  return navigator.locks.request(name, task);
}
