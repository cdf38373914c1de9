import { z } from 'zod';
import { instantSchema, userIdSchema } from '../record-envelope';
import { unscopedEnvelopeShape } from './common';
import { stableRecordId } from './stable-id';

/**
 * That a reminder (提醒) reached its user, and what they did with it: one record per user and cause,
 * with an id computed from both (`reminderReceiptId`), so two PCs of the same user that fire the same
 * reminder while apart write the same record and, once synced, neither fires it again.
 */
export const reminderReceiptSchema = z.strictObject({
  ...unscopedEnvelopeShape,
  user: userIdSchema,
  /** What the reminder is about, stable across PCs: e.g. `sla75:<ticket id>:resolve`. */
  cause: z
    .string({ error: '提醒原因应为文字' })
    .min(1, { error: '提醒原因不能为空' })
    .max(200, { error: '提醒原因不能超过 200 个字符' }),
  firedAt: instantSchema,
  /** Shown again from this instant; null when not snoozed. */
  snoozedUntil: instantSchema.nullable(),
  /** When the user dismissed it; null while it stays in the list. */
  dismissedAt: instantSchema.nullable(),
});
export type ReminderReceipt = z.infer<typeof reminderReceiptSchema>;

/**
 * The receipt's record id for a user and cause, the same on every PC (stableRecordId).
 */
export function reminderReceiptId(user: string, cause: string): string {
  return stableRecordId(`${user}\u0000${cause}`);
}
