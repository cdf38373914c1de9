import { z } from 'zod';
import { instantSchema, userIdSchema } from '../record-envelope';
import { unscopedEnvelopeShape } from './common';

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
 * The receipt's record id for a user and cause: a UUID-shaped string from two 53-bit string hashes
 * (cyrb53 with two seeds), the same on every PC. Not a secret and not a security boundary: a collision
 * would only merge two receipts of the same user.
 */
export function reminderReceiptId(user: string, cause: string): string {
  const text = `${user}\u0000${cause}`;
  const hex = (seed: number) => cyrb53(text, seed).toString(16).padStart(14, '0');
  const digits = `${hex(0x9e3779b1)}${hex(0x85ebca77)}${hex(0xc2b2ae3d)}`.slice(0, 32);
  // Version 4 and variant 10xx, so the id passes the UUID schema every record id is checked with.
  const variant = ((parseInt(digits.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(13, 16)}-${variant}${digits.slice(17, 20)}-${digits.slice(20, 32)}`;
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
