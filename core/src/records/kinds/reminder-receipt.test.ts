import { describe, expect, it } from 'vitest';
import { recordIdSchema } from '../record-id';
import { reminderReceiptId } from './reminder-receipt';

describe('reminderReceiptId', () => {
  it('is the same for the same user and cause on every PC, and a valid record id', () => {
    const id = reminderReceiptId('zhangsan', 'sla75:ticket-1:resolve');
    expect(reminderReceiptId('zhangsan', 'sla75:ticket-1:resolve')).toBe(id);
    expect(recordIdSchema.safeParse(id).success).toBe(true);
  });

  it('differs between users and between causes', () => {
    const ids = new Set(
      ['zhangsan', 'lisi'].flatMap((user) =>
        Array.from({ length: 500 }, (_, index) => reminderReceiptId(user, `inspection:s8-daily:${index}`)),
      ),
    );
    expect(ids.size).toBe(1000);
  });
});
