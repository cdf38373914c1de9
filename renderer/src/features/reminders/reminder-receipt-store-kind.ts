import type { ReminderReceipt } from '@core/records/kinds';
import { dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';
import { plainStoreKind } from '../../store/kinds/plain-store-kind';

/** Reminder receipts, by the day the reminder fired. */
export const reminderReceiptStoreKind = plainStoreKind<ReminderReceipt>('reminder_receipt', {
  dayOf: (receipt) => dayNumberToIsoDate(dayNumberOf(receipt.firedAt)),
  pathOf: () => '/reminders',
});
