import 'fake-indexeddb/auto';
import { editTicket, type Ticket } from '@core/records';
import { describe, expect, it } from 'vitest';
import { readSyncMeta } from '../sync/sync-meta';
import { createdTicket } from '../testing/record-fixtures';
import { saveTicket } from '../testing/save-ticket';
import { testDatabases } from '../testing/test-databases';
import { POSTING_TOKENS, indexSearchBacklog, postingRows } from './search-backlog';
import { searchTermTicketIds } from './search-lookup';

const databases = testDatabases('search-backlog');

const TITLES = ['门户网站打不开', '统计报表导不出来', '账号登录失败', '邮件系统收不到信', '打印机卡纸'];

/** Tickets as an initial sync leaves them: rows written, their search rows left to the walk. */
async function unindexedTickets() {
  const db = await databases.fresh();
  const tickets: Ticket[] = [];
  for (const [index, title] of TITLES.entries())
    tickets.push(await saveTicket(db, null, createdTicket({ title }), `2026-03-10T09:0${index}`));
  await db.ticketSearch.clear();
  await db.syncMeta.put({ ...(await readSyncMeta(db)), searchBacklog: { after: null, indexed: 0 } });
  tickets.sort((a, b) => a.id.localeCompare(b.id));
  return { db, tickets };
}

const ids = async (db: Awaited<ReturnType<typeof databases.fresh>>, token: string, prefix = false) =>
  (await searchTermTicketIds(db, { token, prefix }, 100))?.sort();

describe('the search backlog walk', () => {
  it('lists per distinct token of a chunk the tickets that have it, a group of tokens to a row', () => {
    const many = Array.from(
      { length: POSTING_TOKENS + 1 },
      (_, index) => `w${String(index).padStart(2, '0')}`,
    );
    const rows = postingRows([
      { id: 'a', tokens: ['门户', '网站', ...many] },
      { id: 'b', tokens: ['网站', '报表'] },
    ]);
    expect(rows.map((row) => row.tokens)).toEqual([
      many.slice(0, POSTING_TOKENS),
      [many[POSTING_TOKENS], '报表', '网站', '门户'],
    ]);
    expect(rows[1]?.ticketIds).toEqual([['a'], ['b'], ['a', 'b'], ['a']]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(2);
  });

  it('resumes a walk cut short, and a save between two chunks is found by its new text and the old', async () => {
    const { db, tickets } = await unindexedTickets();
    const [walked, , , unwalked] = tickets as [Ticket, Ticket, Ticket, Ticket, Ticket];
    let chunks = 0;
    expect(await indexSearchBacklog(db, { chunk: 2, shouldStop: () => chunks++ === 1 })).toBe(false);
    expect((await db.syncMeta.get('sync'))?.searchBacklog).toEqual({ after: tickets[1]?.id, indexed: 2 });

    const retitled = (ticket: Ticket, title: string) => {
      const result = editTicket(ticket, { title });
      if (!result.ok) throw new Error(result.reason);
      return result.ticket;
    };
    await saveTicket(db, walked, retitled(walked, '机房空调漏水'), '2026-03-10T10:00');
    await saveTicket(db, unwalked, retitled(unwalked, '服务器风扇异响'), '2026-03-10T10:01');

    expect(await indexSearchBacklog(db, { chunk: 2 })).toBe(true);
    expect((await db.syncMeta.get('sync'))?.searchBacklog).toBeUndefined();
    expect(await ids(db, '空调')).toEqual([walked.id]);
    expect(await ids(db, '风扇')).toEqual([unwalked.id]);
    for (const ticket of tickets) expect(await ids(db, '首页')).toContain(ticket.id);
    // The walked ticket's old title stays indexed (search checks each row's own tokens), never lost.
    expect(await ids(db, walked.title.slice(0, 2))).toContain(walked.id);
    expect(await ids(db, '风', true)).toEqual([unwalked.id]);
  });

  it('says a common term matches more than the limit when its postings list more tickets', async () => {
    const { db, tickets } = await unindexedTickets();
    await indexSearchBacklog(db, { chunk: 10 });
    expect(await searchTermTicketIds(db, { token: '首页', prefix: false }, tickets.length - 1)).toBeNull();
    expect(await searchTermTicketIds(db, { token: '首页', prefix: false }, tickets.length)).toHaveLength(
      tickets.length,
    );
  });
});
