import 'fake-indexeddb/auto';
import {
  editTicket,
  newTicket,
  transition,
  type Ticket,
  type TicketAction,
  type TicketStatus,
} from '@core/records';
import { parseInstant } from '@core/time/shanghai-time';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexSearchBacklog, readSyncMeta, saveRecord, YunweiDatabase, type TicketRow } from '../../store';
import { EMPTY_FILTERS, type TicketFilters } from './ticket-filters';
import {
  compareRows,
  fetchTicketPage,
  hasAnyTicket,
  knownAssignees,
  type TicketCursor,
} from './ticket-queries';
import { planTicketQuery, rowMatches } from './ticket-query-plan';
import { rowAtRisk } from './ticket-risk';

const START = parseInstant('2026-03-10 08:00');
const NOW = parseInstant('2026-03-10 12:00');
const TITLES = ['门户网站首页打不开', '统计报表导不出来', '账号登录失败', '网站群栏目更新', '基金监管预警'];
const STATUS_PATHS: readonly (readonly TicketAction[])[] = [
  [],
  ['respond'],
  ['respond', 'progress'],
  ['respond', 'wait'],
  ['respond', 'resolve'],
  ['respond', 'resolve', 'close'],
];

let db: YunweiDatabase;
let all: TicketRow[];

/** 60 tickets over 4 subsystems, every status, deadlines spread through the morning, many tied (closed). */
function buildTickets(): Ticket[] {
  const tickets: Ticket[] = [];
  for (let index = 0; index < 60; index += 1) {
    const receivedAt = START + (index % 20) * 12 * 60_000;
    const created = newTicket(
      {
        subsystemId: [5, 7, 10, 13][index % 4] as number,
        channel: 'phone',
        reporter: { unit: '省人社厅', person: index % 2 === 0 ? '王老师' : '李老师', phone: '' },
        category: 'fault',
        severity: (['ordinary', 'major', 'emergency'] as const)[index % 3] as 'ordinary',
        title: `${TITLES[index % TITLES.length] as string} ${index}`,
        receivedAt,
        assignee: index % 5 === 0 ? null : index % 2 === 0 ? 'zhangsan' : 'lisi',
      },
      { actor: 'zhangsan', at: receivedAt + 60_000 },
    );
    if (!created.ok) throw new Error(created.reason);
    let ticket = created.ticket;
    const path = STATUS_PATHS[index % STATUS_PATHS.length] as readonly TicketAction[];
    path.forEach((action, step) => {
      if (action === 'resolve') {
        const edited = editTicket(ticket, { resolution: '已处理' });
        if (!edited.ok) throw new Error(edited.reason);
        ticket = edited.ticket;
      }
      const moved = transition(ticket, action, {
        actor: 'zhangsan',
        at: receivedAt + (step + 2) * 60_000,
        reason: '等待对方确认',
      });
      if (!moved.ok) throw new Error(moved.reason);
      ticket = moved.ticket;
    });
    tickets.push(ticket);
  }
  return tickets;
}

beforeAll(async () => {
  db = new YunweiDatabase(`yunwei-test-ticket-queries-${Date.now()}`);
  await db.open();
  for (const ticket of buildTickets()) {
    await saveRecord(db, {
      recordType: 'ticket',
      before: null,
      after: ticket,
      actor: 'zhangsan',
      at: ticket.receivedAt + 10 * 60_000,
    });
  }
  // An undone creation leaves a tombstone, which no list shows.
  const [first] = buildTickets();
  if (first === undefined) throw new Error('no tickets');
  const deleted = { ...first, id: '00000000-0000-4000-8000-000000000000', deleted: true };
  await saveRecord(db, {
    recordType: 'ticket',
    before: null,
    after: deleted,
    actor: 'zhangsan',
    at: first.receivedAt + 10 * 60_000,
  });
  all = await db.tickets.toArray();
});

afterAll(async () => {
  await db.delete();
});

/**
 * Every page, small pages and a tiny scan budget, so that resuming and merging are exercised; a tiny
 * search sort limit sends a search down the deadline-index path instead of the sorted match list.
 */
async function readAll(
  filters: TicketFilters,
  pageSize: number,
  scanBudget: number,
  searchSortLimit?: number,
): Promise<string[]> {
  const plan = planTicketQuery(filters);
  const ids: string[] = [];
  let after: TicketCursor | null = null;
  for (let guard = 0; guard < 500; guard += 1) {
    const page = await fetchTicketPage(db, plan, after, {
      pageSize,
      now: NOW,
      rules: db.slaRules,
      scanBudget,
      ...(searchSortLimit === undefined ? {} : { searchSortLimit }),
    });
    ids.push(...page.rows.map((row) => row.id));
    if (page.next === null) return ids;
    after = page.next;
  }
  throw new Error('分页没有结束');
}

function expected(filters: TicketFilters): string[] {
  const plan = planTicketQuery(filters);
  const conditions = planTicketQuery({ ...filters, text: filters.text }).conditions;
  return all
    .filter((row) => !row.record.deleted)
    .filter((row) => {
      const full = {
        ...conditions,
        subsystemIds: setOrNull(filters.subsystemIds),
        statuses: setOrNull(filters.statuses),
      };
      return rowMatches(row, full) && rowAtRisk(row, plan.risk, NOW, db.slaRules);
    })
    .sort(compareRows)
    .map((row) => row.id);
}

function setOrNull<Value>(values: readonly Value[]): Set<Value> | null {
  return values.length > 0 ? new Set(values) : null;
}

const CASES: [string, Partial<TicketFilters>][] = [
  ['everything', {}],
  [
    'one subsystem, open statuses (the main query)',
    { subsystemIds: [5], statuses: ['new', 'responded', 'in_progress', 'waiting'] },
  ],
  ['two subsystems, any status', { subsystemIds: [7, 13] }],
  ['statuses only', { statuses: ['closed', 'new'] as TicketStatus[] }],
  [
    'many subsystems and a severity',
    { subsystemIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], severities: ['major'] },
  ],
  ['unassigned', { assignee: '' }],
  [
    'an assignee and a received-date range',
    { assignee: 'zhangsan', receivedFrom: '2026-03-10', receivedTo: '2026-03-10' },
  ],
  ['a day with no tickets', { receivedFrom: '2026-03-11', receivedTo: '2026-03-12' }],
  ['breached now', { risk: 'breached' }],
  ['at risk now', { risk: 'at_risk' }],
  ['a two-character search', { text: '首页' }],
  ['a search with other filters', { text: '王老师', subsystemIds: [5, 13], statuses: ['closed', 'new'] }],
  ['a search that finds nothing', { text: '打印机' }],
  ['a one-character prefix search', { text: '首' }],
];

describe('fetchTicketPage', () => {
  it.each(CASES)(
    'lists %s in deadline order, page after page, exactly as a full scan would',
    async (_name, partial) => {
      const filters = { ...EMPTY_FILTERS, ...partial };
      const want = expected(filters);
      expect(await readAll(filters, 7, 5)).toEqual(want);
      expect(await readAll(filters, 100, 4000)).toEqual(want);
      expect(await readAll(filters, 7, 50, 2)).toEqual(want);
    },
  );

  it('has cases that actually select something, and ties that resuming must get past', () => {
    expect(expected({ ...EMPTY_FILTERS, risk: 'breached' }).length).toBeGreaterThan(0);
    expect(expected({ ...EMPTY_FILTERS, risk: 'at_risk' }).length).toBeGreaterThan(0);
    expect(expected({ ...EMPTY_FILTERS, text: '首页' }).length).toBe(12);
    expect(all.filter((row) => row.record.deleted)).toHaveLength(1);
    const tied = all.filter((row) => row.deadlineAt === Number.MAX_SAFE_INTEGER);
    expect(tied.length).toBeGreaterThan(20);
  });

  it('puts the most urgent deadline first', async () => {
    const page = await fetchTicketPage(db, planTicketQuery(EMPTY_FILTERS), null, {
      pageSize: 5,
      now: NOW,
      rules: db.slaRules,
    });
    const deadlines = page.rows.map((row) => row.deadlineAt);
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect(deadlines[0]).toBe(Math.min(...all.map((row) => row.deadlineAt)));
  });
});

describe('list helpers', () => {
  it('knows the assignees and whether there is any ticket', async () => {
    expect(await knownAssignees(db)).toEqual(['lisi', 'zhangsan']);
    expect(await hasAnyTicket(db)).toBe(true);
    const empty = new YunweiDatabase(`yunwei-test-empty-${Date.now()}`);
    await empty.open();
    expect(await hasAnyTicket(empty)).toBe(false);
    await empty.delete();
  });
});

describe('search while the index is built after an initial sync', () => {
  it('finds every match by scanning rows until the backlog walk has written every search row', async () => {
    const meta = await readSyncMeta(db);
    // As an initial sync leaves it: tickets written, their search rows left to the walk.
    await db.ticketSearch.clear();
    await db.syncMeta.put({ ...meta, searchBacklog: { after: null, indexed: 0 } });
    const searches = CASES.filter(([, partial]) => partial.text !== undefined);
    for (const [, partial] of searches) {
      const filters = { ...EMPTY_FILTERS, ...partial };
      expect(await readAll(filters, 7, 5)).toEqual(expected(filters));
    }

    const progress: number[] = [];
    const done = await indexSearchBacklog(db, {
      chunk: 7,
      onProgress: (left) => progress.push(left.indexed),
    });

    expect(done).toBe(true);
    expect(progress).toEqual([7, 14, 21, 28, 35, 42, 49, 56]);
    expect((await db.syncMeta.get('sync'))?.searchBacklog).toBeUndefined();
    for (const [, partial] of searches) {
      const filters = { ...EMPTY_FILTERS, ...partial };
      expect(await readAll(filters, 7, 5)).toEqual(expected(filters));
    }
  });
});

describe('search after an edit', () => {
  it('finds a retitled ticket by its new title and no longer by its old one', async () => {
    const row = all.find(
      (candidate) => candidate.record.title.startsWith('统计报表导不出来') && !candidate.record.deleted,
    );
    if (row === undefined) throw new Error('测试数据中没有“统计报表导不出来”');
    const retitled = editTicket(row.record, { title: '社保卡制卡进度查询失败' });
    if (!retitled.ok) throw new Error(retitled.reason);
    const saved = await saveRecord(db, {
      recordType: 'ticket',
      before: row.record,
      after: retitled.ticket,
      actor: 'zhangsan',
      at: NOW,
    });
    const ids = async (text: string) =>
      (await readAll({ ...EMPTY_FILTERS, text }, 100, 4000)).filter((id) => id === row.id);
    expect(await ids('制卡')).toEqual([row.id]);
    expect(await ids('报表')).toEqual([]);
    await saveRecord(db, {
      recordType: 'ticket',
      before: saved.record,
      after: row.record,
      actor: 'zhangsan',
      at: NOW + 1,
    });
  });
});
