import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveRecord } from '../../store';
import { at, createdTicket, respondedTicket } from '../../store/testing/record-fixtures';
import { testDatabases } from '../../store/testing/test-databases';
import { dayTicketLabel, readDayTickets } from './day-tickets';

const databases = testDatabases('duty-day-tickets');

describe('readDayTickets: the tickets a duty log offers', () => {
  it('offers the tickets opened or worked on that Shanghai day in the log’s scope, and keeps linked ones', async () => {
    const db = await databases.fresh();
    const save = async (ticket: ReturnType<typeof createdTicket>, when: number) =>
      (
        await saveRecord(db, {
          recordType: 'ticket',
          before: null,
          after: ticket,
          actor: 'zhangsan',
          at: when,
        })
      ).record;
    // Opened on the duty day (Shanghai), just after midnight.
    const opened = await save(
      createdTicket(
        { title: '网站群首页打不开', receivedAt: at('2026-10-01 00:10') },
        at('2026-10-01 00:12'),
      ),
      at('2026-10-01 00:12'),
    );
    // Opened the day before, responded on the duty day.
    const earlier = createdTicket(
      { title: '统计报表导不出来', receivedAt: at('2026-09-30 17:00') },
      at('2026-09-30 17:05'),
    );
    const worked = respondedTicket(earlier, at('2026-10-01 09:00'));
    await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: worked,
      actor: 'zhangsan',
      at: at('2026-10-01 09:00'),
    });
    // The evening before, untouched since: not offered unless linked.
    const before = await save(
      createdTicket({ title: '账号登录失败', receivedAt: at('2026-09-30 23:50') }, at('2026-09-30 23:55')),
      at('2026-09-30 23:55'),
    );
    // Another subsystem's ticket of the day.
    await save(
      createdTicket(
        { title: '就业系统报错', subsystemId: 7, receivedAt: at('2026-10-01 10:00') },
        at('2026-10-01 10:05'),
      ),
      at('2026-10-01 10:05'),
    );

    const subsystemFive = await readDayTickets(db, '2026-10-01', 5, []);
    expect(subsystemFive.map((ticket) => [ticket.title, ticket.opened])).toEqual([
      ['统计报表导不出来', false],
      ['网站群首页打不开', true],
    ]);
    const first = subsystemFive.find((ticket) => ticket.id === opened.id);
    expect(first && dayTicketLabel(first)).toBe('当天接报 · 新建 · 网站群首页打不开');

    const contract = await readDayTickets(db, '2026-10-01', null, [before.id]);
    expect(contract.map((ticket) => ticket.title)).toEqual([
      '统计报表导不出来',
      '账号登录失败',
      '网站群首页打不开',
      '就业系统报错',
    ]);
    expect(contract.find((ticket) => ticket.id === opened.id)?.opened).toBe(true);
  });
});
