import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../errors/store-error';
import { at, createdTicket } from '../testing/record-fixtures';
import { testDatabases } from '../testing/test-databases';
import { saveRecord } from './save-record';

const databases = testDatabases('save-text');

describe('saveRecord and text the databases cannot store', () => {
  it('refuses a record holding a lone surrogate or U+0000 with the server’s reason, and writes nothing', async () => {
    const db = await databases.fresh();
    const ticket = createdTicket();
    for (const title of [`网站首页${'😀'.slice(0, 1)}`, '网站\u0000首页']) {
      const save = saveRecord(db, {
        recordType: 'ticket',
        before: null,
        after: { ...ticket, title },
        actor: 'zhangsan',
        at: at('2026-03-10T09:05'),
      });
      await expect(save).rejects.toThrow(StoreError);
      await expect(save).rejects.toThrow(/title: 含有无法保存的字符/);
    }
    expect(await db.tickets.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
