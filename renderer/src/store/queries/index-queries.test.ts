import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveRecord } from '../save/save-record';
import { at, createdTicket } from '../testing/record-fixtures';
import { testDatabases } from '../testing/test-databases';
import { distinctIndexKeys, hasRows } from './index-queries';

const databases = testDatabases('index-queries');

describe('index queries', () => {
  it('tells an empty table from a filled one and lists an index’s distinct keys in order', async () => {
    const db = await databases.fresh();
    expect(await hasRows(db.tickets)).toBe(false);
    expect(await distinctIndexKeys(db.tickets, 'assignee')).toEqual([]);

    for (const [index, assignee] of ['lisi', null, 'zhangsan', 'lisi', null, 'wangwu'].entries()) {
      const ticket = createdTicket({ assignee, title: `工单 ${index}` });
      await saveRecord(db, {
        recordType: 'ticket',
        before: null,
        after: ticket,
        actor: 'zhangsan',
        at: at('2026-03-10T09:05'),
      });
    }
    expect(await hasRows(db.tickets)).toBe(true);
    expect(await distinctIndexKeys(db.tickets, 'assignee')).toEqual(['', 'lisi', 'wangwu', 'zhangsan']);
  });
});
