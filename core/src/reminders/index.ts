/**
 * Reminders (提醒, issue 16): what is due for a user at an instant, from the profile, the working
 * calendar and the records, each with a stable cause so that it reaches the user once.
 */
export { dueReminders } from './due-reminders';
export {
  REMINDER_KIND_LABELS,
  REMINDER_KINDS,
  type Reminder,
  type ReminderContext,
  type ReminderKind,
  type ReminderRecords,
  type ReminderUser,
} from './reminder';
