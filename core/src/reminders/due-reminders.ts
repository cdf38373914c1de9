import { dutyReminders, handOverReminders } from './duty';
import { inspectionReminders } from './inspections';
import type { Reminder, ReminderContext, ReminderRecords } from './reminder';
import { reportReminders } from './reports';
import { ticketClockReminders } from './ticket-clocks';
import { visitReminders } from './visits';

/**
 * The reminders due for the user at `context.now`, newest first: each one whose moment has come and
 * whose cause still stands (an inspection done, a clock stopped, a hand-over signed: gone). Whether
 * one has already reached the user is the caller's, by the receipt keyed by its `cause`.
 */
export function dueReminders(records: ReminderRecords, context: ReminderContext): Reminder[] {
  return [
    ...inspectionReminders(records, context),
    ...ticketClockReminders(records, context),
    ...reportReminders(records, context),
    ...dutyReminders(records, context),
    ...handOverReminders(records, context),
    ...visitReminders(records, context),
  ].sort((a, b) => b.firesAt - a.firesAt || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0));
}
