import type { ReminderKind, Reminder } from '@core/reminders';
import { type ReminderReceipt, reminderReceiptId } from '@core/records/kinds';
import { MINUTE_MS, dayNumberOf, formatInstant, startOfDay } from '@core/time/shanghai-time';

const HOUR_MS = 60 * MINUTE_MS;

/** A reminder as the list shows it, with the receipt that says it reached the user. */
export interface ReminderItem {
  readonly reminder: Reminder;
  readonly receiptId: string;
  /** As stored; null while the first notification is still being recorded. */
  readonly receipt: ReminderReceipt | null;
}

/** A reminder to notify now: its receipt is saved first (`before` → `after`), then the notification. */
export interface ReminderToFire {
  readonly reminder: Reminder;
  readonly before: ReminderReceipt | null;
  readonly after: ReminderReceipt;
}

export interface ReminderView {
  /** In the list: due, of a kind turned on, neither dismissed nor snoozed beyond now. */
  readonly items: readonly ReminderItem[];
  readonly toFire: readonly ReminderToFire[];
}

/**
 * What the list shows and what is to be notified now, given the due reminders and the user's receipts
 * (by receipt id): a reminder without a receipt fires; one whose snooze has ended fires again once
 * (its snooze cleared); a dismissed one, or one snoozed beyond now, stays quiet. Kinds turned off are
 * neither listed nor notified.
 */
export function reminderView(
  reminders: readonly Reminder[],
  receipts: ReadonlyMap<string, ReminderReceipt>,
  off: readonly ReminderKind[],
  user: string,
  now: number,
): ReminderView {
  const items: ReminderItem[] = [];
  const toFire: ReminderToFire[] = [];
  for (const reminder of reminders) {
    if (off.includes(reminder.kind)) continue;
    const receiptId = reminderReceiptId(user, reminder.cause);
    const receipt = receipts.get(receiptId);
    if (receipt === undefined) {
      toFire.push({ reminder, before: null, after: newReceipt(receiptId, user, reminder.cause, now) });
    } else if (receipt.deleted || receipt.dismissedAt !== null) {
      continue;
    } else if (receipt.snoozedUntil !== null) {
      if (receipt.snoozedUntil > now) continue;
      toFire.push({ reminder, before: receipt, after: { ...receipt, snoozedUntil: null } });
    }
    items.push({ reminder, receiptId, receipt: receipt ?? null });
  }
  return { items, toFire };
}

function newReceipt(id: string, user: string, cause: string, now: number): ReminderReceipt {
  return {
    id,
    createdBy: user,
    createdAt: now,
    updatedAt: now,
    deleted: false,
    user,
    cause,
    firedAt: now,
    snoozedUntil: null,
    dismissedAt: null,
  };
}

export const SNOOZE_CHOICES = ['hour', 'tomorrow'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

export const SNOOZE_LABELS: Readonly<Record<SnoozeChoice, string>> = {
  hour: '1 小时后再提醒',
  tomorrow: '明天 08:00 再提醒',
};

/** Until when a snooze lasts: an hour from now, or 08:00 Beijing time tomorrow. */
export function snoozedUntil(choice: SnoozeChoice, now: number): number {
  switch (choice) {
    case 'hour':
      return now + HOUR_MS;
    case 'tomorrow':
      return startOfDay(dayNumberOf(now) + 1) + 8 * HOUR_MS;
  }
}

/** When a reminder came: 今天 08:00, 昨天 16:00, or 2026-02-13 08:00. */
export function whenText(firesAt: number, now: number): string {
  const time = formatInstant(firesAt).slice(11, 16);
  const days = dayNumberOf(now) - dayNumberOf(firesAt);
  if (days === 0) return `今天 ${time}`;
  if (days === 1) return `昨天 ${time}`;
  return `${formatInstant(firesAt).slice(0, 10)} ${time}`;
}
