import { OPEN_TICKET_STATUSES } from '@core/records';
import { dueReminders } from '@core/reminders';
import { contractYearOf } from '@core/records/kinds';
import type { ReminderReceipt } from '@core/records/kinds';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { useQuery } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import { useMemo } from 'react';
import { useCurrentUser, useDatabase, usePlainRecords, useSlaRules } from '../../store';
import { useTemplateCatalogue } from '../inspections/use-inspection-data';
import { sessionScope, useSession } from '../session';
import { useNow } from '../today/use-now';
import { useKindsOff } from './reminder-settings';
import { type ReminderView, reminderView } from './reminder-view';

export interface RemindersState {
  readonly view: ReminderView | undefined;
  readonly error: Error | null;
  readonly user: string;
  readonly now: number;
}

/**
 * The signed-in user's reminders from this PC's store (offline like every page), recomputed every
 * minute and whenever a save or a sync changes the records they come from. Only what reminders need is
 * read: the open tickets the user holds, today's runs, the duty days around today, this month's visits.
 */
export function useReminders(): RemindersState {
  const db = useDatabase();
  const rules = useSlaRules();
  const session = useSession();
  const user = useCurrentUser().id;
  const now = useNow();
  const today = dayNumberToIsoDate(dayNumberOf(now));
  const tomorrow = dayNumberToIsoDate(dayNumberOf(now) + 1);
  const month = today.slice(0, 7);
  const catalogue = useTemplateCatalogue();
  const templates = catalogue.data?.all;
  const templateIds = useMemo(
    () => [...new Set((templates ?? []).map((template) => template.templateId))].sort(),
    [templates],
  );
  const tickets = useQuery({
    queryKey: ['tickets', db.name, 'reminders', user],
    // Only open tickets can have a clock running: a year of closed ones is left unread.
    queryFn: async () => {
      const lists = await Promise.all(
        OPEN_TICKET_STATUSES.map((status) =>
          db.tickets
            .where('[status+deadlineAt]')
            .between([status, Dexie.minKey], [status, Dexie.maxKey])
            .filter((row) => row.assignee === user)
            .toArray(),
        ),
      );
      return lists.flat().map((row) => row.record);
    },
  });
  const runs = useQuery({
    queryKey: ['inspectionRuns', db.name, 'reminders', today, templateIds],
    queryFn: async () =>
      (
        await db.inspectionRuns
          .where('[templateId+slotKey]')
          .anyOf(templateIds.map((templateId) => [templateId, today]))
          .toArray()
      ).map((row) => row.record),
  });
  const assignments = usePlainRecords('dutyAssignment', { from: today, to: tomorrow });
  const swaps = usePlainRecords('dutySwap');
  const logs = usePlainRecords('dutyLog');
  const visits = usePlainRecords('visit', { from: `${month}-01`, to: `${month}-31` });
  const receipts = usePlainRecords('reminderReceipt');
  const submissions = usePlainRecords('reportSubmission');
  const off = useKindsOff(user);
  const scope = useMemo(() => sessionScope(session), [session]);

  const reminders = useMemo(() => {
    if (
      templates === undefined ||
      tickets.data === undefined ||
      runs.data === undefined ||
      assignments.data === undefined ||
      swaps.data === undefined ||
      logs.data === undefined ||
      visits.data === undefined ||
      submissions.data === undefined
    )
      return undefined;
    return dueReminders(
      {
        tickets: tickets.data,
        inspectionTemplates: templates,
        inspectionRuns: runs.data,
        dutyAssignments: assignments.data,
        dutySwaps: swaps.data,
        dutyLogs: logs.data,
        visits: visits.data,
        reportSubmissions: submissions.data,
      },
      {
        user: { id: user, scope },
        profile: rules.profile,
        calendar: rules.calendar,
        contractYear: contractYearOf(now),
        now,
      },
    );
  }, [
    templates,
    tickets.data,
    runs.data,
    assignments.data,
    swaps.data,
    logs.data,
    visits.data,
    submissions.data,
    user,
    scope,
    rules,
    now,
  ]);

  const view = useMemo(() => {
    if (reminders === undefined || receipts.data === undefined) return undefined;
    const mine = new Map<string, ReminderReceipt>();
    for (const receipt of receipts.data) if (receipt.user === user) mine.set(receipt.id, receipt);
    return reminderView(reminders, mine, off, user, now);
  }, [reminders, receipts.data, off, user, now]);

  return {
    view,
    error:
      catalogue.error ??
      tickets.error ??
      runs.error ??
      assignments.error ??
      swaps.error ??
      logs.error ??
      visits.error ??
      receipts.error ??
      null,
    user,
    now,
  };
}
