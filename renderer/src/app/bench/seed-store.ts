import { newRecordId, newTicket, type Ticket, type TicketEvent, type TicketStatus } from '@core/records';
import { encodeHlc, initialHlc, newNodeId, type HistoryEntry, type OutboxOp } from '@core/sync';
import { ticketRow, ticketSearchRows, type TicketRow, type YunweiDatabase } from '../../store';

/**
 * Fills a database with a year of synthetic tickets and their history, written straight into the
 * tables in chunks (bulkPut): the bench needs 200,000 tickets and 1,000,000 history rows in minutes,
 * not through 200,000 saves. Rows are built by the store's own `ticketRow`, so indexes hold exactly
 * what saves would have written.
 */
export interface SeedOptions {
  readonly tickets: number;
  readonly historyRows: number;
  /** The ticket that gets `detailHistoryRows` history rows (the detail-view measurement). */
  readonly detailHistoryRows: number;
  readonly now: number;
  readonly actor: string;
}

export interface SeedResult {
  readonly tickets: number;
  readonly historyRows: number;
  readonly detailTicketId: string;
  readonly seedMs: number;
}

const TITLES = [
  '门户网站首页打不开',
  '社保卡查询接口超时',
  '养老保险待遇发放失败',
  '数据库备份任务报错',
  '机房空调温度告警',
  '网上办事大厅登录异常',
  '就业信息系统报表导出失败',
  '医保结算接口返回错误',
  '核心交换机端口闪断',
  '人事考试报名页面卡顿',
  '短信平台发送延迟',
  '档案影像系统无法上传',
];
const UNITS = ['省人社厅办公室', '社保局信息科', '就业局', '医保中心', '人事考试院', '劳动监察总队'];
const PEOPLE = ['王老师', '李科长', '张主任', '刘工', '陈处长', '杨老师'];
const DESCRIPTIONS = [
  '上午九点起页面显示 502，刷新无效，影响群众办事',
  '接口响应超过三十秒，窗口排队较多，请尽快处理',
  '夜间定时任务失败，日志提示磁盘空间不足',
  '多名用户反映登录后跳转失败，浏览器为 Chrome',
];
const DAY_MS = 86_400_000;
/** Where a seeded bench profile remembers its detail-view ticket. */
const DETAIL_KEY = 'yunwei.bench.detailTicketId';
const TICKET_CHUNK = 2_000;
const HISTORY_CHUNK = 10_000;

/** A deterministic generator: two runs seed the same store. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)] as T;
}

export async function seedStore(db: YunweiDatabase, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const next = random(20261124);
  const node = newNodeId();
  const template = templateTicket(options);
  const yearAgo = options.now - 365 * DAY_MS;
  let historyLeft = options.historyRows - options.detailHistoryRows;
  let detailTicketId = '';
  let wall = yearAgo;

  for (let done = 0; done < options.tickets; done += TICKET_CHUNK) {
    const count = Math.min(TICKET_CHUNK, options.tickets - done);
    const rows: TicketRow[] = [];
    const history: HistoryEntry[] = [];
    const ops: OutboxOp[] = [];
    for (let index = 0; index < count; index += 1) {
      const ordinal = done + index;
      const receivedAt =
        yearAgo + Math.floor((ordinal / options.tickets) * 365 * DAY_MS) + Math.floor(next() * 3_600_000);
      const ticket = syntheticTicket(template, receivedAt, options, next);
      rows.push(ticketRow(ticket, db.slaRules, Math.min(options.now, ticket.updatedAt)));
      const ticketsLeft = options.tickets - ordinal;
      // The first ticket is the detail-view one: it gets exactly `detailHistoryRows` rows below.
      const share = ordinal === 0 ? 0 : Math.max(1, Math.round(historyLeft / ticketsLeft));
      wall = Math.max(wall + 1, ticket.updatedAt);
      const hlc = encodeHlc({ wallMs: wall, counter: 0, nodeId: node });
      history.push(...historyOf(ticket, share, hlc, options.actor));
      historyLeft -= share;
      if (ordinal % 20 === 0) ops.push(opOf(ticket, hlc));
    }
    if (done === 0 && rows[0] !== undefined) detailTicketId = rows[0].id;
    await db.transaction('rw', db.tickets, db.ticketSearch, db.history, db.outbox, async () => {
      await db.tickets.bulkPut(rows);
      await db.ticketSearch.bulkPut(rows.flatMap((row) => ticketSearchRows(row.record)));
      for (let start = 0; start < history.length; start += HISTORY_CHUNK) {
        await db.history.bulkPut(history.slice(start, start + HISTORY_CHUNK));
      }
      await db.outbox.bulkAdd(ops);
    });
  }
  const detail = await db.tickets.get(detailTicketId);
  if (detail === undefined) throw new Error('基准数据中缺少详情工单');
  const detailHistory = historyOf(
    detail.record,
    options.detailHistoryRows,
    encodeHlc({ wallMs: wall + 1, counter: 0, nodeId: node }),
    options.actor,
  );
  await db.history.bulkPut(detailHistory);
  await db.meta.put({ key: 'hlc', value: { ...initialHlc(node), wallMs: wall + 1 } });
  window.localStorage.setItem(DETAIL_KEY, detailTicketId);
  return {
    tickets: await db.tickets.count(),
    historyRows: await db.history.count(),
    detailTicketId,
    seedMs: Math.round(performance.now() - started),
  };
}

function templateTicket(options: SeedOptions): Ticket {
  const result = newTicket(
    {
      subsystemId: 5,
      channel: 'phone',
      reporter: { unit: UNITS[0] ?? '', person: PEOPLE[0] ?? '', phone: '0851-86812345' },
      category: 'fault',
      severity: 'ordinary',
      title: TITLES[0] ?? '',
      description: DESCRIPTIONS[0] ?? '',
      receivedAt: options.now - DAY_MS,
    },
    { actor: options.actor, at: options.now - DAY_MS },
  );
  if (!result.ok) throw new Error(result.reason);
  return result.ticket;
}

/**
 * A ticket received at `receivedAt`: most of a year's tickets are closed; the last weeks hold the
 * open ones in every status, so the list's filters have realistic selectivity.
 */
function syntheticTicket(
  template: Ticket,
  receivedAt: number,
  options: SeedOptions,
  next: () => number,
): Ticket {
  const age = options.now - receivedAt;
  const status: TicketStatus =
    age > 30 * DAY_MS || next() < 0.6
      ? 'closed'
      : pick(['new', 'responded', 'in_progress', 'waiting', 'resolved'], next);
  const actor = options.actor;
  const events: TicketEvent[] = [
    { id: newRecordId(), kind: 'created', at: receivedAt + 60_000, author: actor },
  ];
  const step = (kind: 'responded' | 'progress' | 'resolved' | 'closed', minutes: number) =>
    events.push({ id: newRecordId(), kind, at: receivedAt + minutes * 60_000, author: actor });
  if (status !== 'new') step('responded', 5 + Math.floor(next() * 40));
  if (status === 'in_progress' || status === 'resolved' || status === 'closed') step('progress', 60);
  if (status === 'waiting') {
    events.push({
      id: newRecordId(),
      kind: 'waiting',
      at: receivedAt + 90 * 60_000,
      author: actor,
      reason: '等待报告人提供截图',
      resumeTo: 'responded',
    });
  }
  if (status === 'resolved' || status === 'closed') step('resolved', 120 + Math.floor(next() * 600));
  if (status === 'closed') step('closed', 24 * 60);
  const updatedAt = Math.min(options.now, (events[events.length - 1]?.at ?? receivedAt) + 1);
  return {
    ...template,
    id: newRecordId(),
    subsystemId: 1 + Math.floor(next() * 13),
    severity: pick(['ordinary', 'ordinary', 'ordinary', 'major', 'emergency'], next),
    title: `${pick(TITLES, next)}（${Math.floor(next() * 900) + 100}）`,
    description: pick(DESCRIPTIONS, next),
    reporter: {
      unit: pick(UNITS, next),
      person: pick(PEOPLE, next),
      phone: `0851-868${Math.floor(next() * 90_000) + 10_000}`,
    },
    assignee: next() < 0.7 ? actor : null,
    resolution: status === 'resolved' || status === 'closed' ? '已重启服务并验证恢复' : '',
    receivedAt,
    createdAt: receivedAt + 60_000,
    updatedAt,
    status,
    events,
  };
}

const HISTORY_FIELDS = [
  'title',
  'status',
  'events',
  'assignee',
  'description',
  'resolution',
  'severity',
] as const;

function historyOf(ticket: Ticket, count: number, hlc: string, actor: string): HistoryEntry[] {
  return Array.from({ length: count }, (_, index) => {
    const field = HISTORY_FIELDS[index % HISTORY_FIELDS.length] as (typeof HISTORY_FIELDS)[number];
    return {
      id: newRecordId(),
      recordType: 'ticket' as const,
      recordId: ticket.id,
      field,
      oldValue: index === 0 ? undefined : `旧值 ${index}`,
      newValue: field === 'events' ? `处理记录 ${index}` : ticket[field],
      actor,
      at: ticket.createdAt + index * 1_000,
      hlc,
    };
  });
}

function opOf(ticket: Ticket, hlc: string): OutboxOp {
  return {
    opId: newRecordId(),
    recordType: 'ticket',
    recordId: ticket.id,
    fields: [{ field: 'status', value: ticket.status, hlc }],
    createdAt: ticket.updatedAt,
  };
}

/**
 * The seed a kept bench profile already holds: at least the asked numbers of tickets and history rows
 * and a ticket with exactly `detailHistoryRows` history rows (the first one seeded). Null otherwise.
 */
export async function findSeed(
  db: YunweiDatabase,
  tickets: number,
  historyRows: number,
  detailHistoryRows: number,
): Promise<SeedResult | null> {
  const [ticketCount, historyCount] = await Promise.all([db.tickets.count(), db.history.count()]);
  if (ticketCount < tickets || historyCount < historyRows) return null;
  const detailTicketId = window.localStorage.getItem(DETAIL_KEY);
  if (detailTicketId === null) return null;
  const detailRows = await db.history
    .where('[recordId+at]')
    .between([detailTicketId, -Infinity], [detailTicketId, Infinity])
    .count();
  if (detailRows !== detailHistoryRows) return null;
  return { tickets: ticketCount, historyRows: historyCount, detailTicketId, seedMs: 0 };
}
