export { ReminderBell } from './ReminderBell';
export { RemindersPage } from './RemindersPage';
