import { editTicket, transition } from '@core/records';
import { Dexie } from 'dexie';
import { defaultSlaRules, saveRecord, type TicketRow, type YunweiDatabase } from '../../store';
import { EMPTY_FILTERS, fetchTicketPage, planTicketQuery, type TicketFilters } from '../../features/tickets';

/** Timed operations for the local-store bench: each returns the durations of its runs in ms. */

/**
 * `count` tickets in progress, from a random place in the deadline order: a kept bench profile
 * (YUNWEI_BENCH_PROFILE) is measured again and again, and always editing the same tickets would give
 * them a note per run, a timeline no real ticket has (dozens of notes after a few dozen runs, against
 * three or four events in the seeded ones).
 */
async function openTickets(db: YunweiDatabase, count: number): Promise<TicketRow[]> {
  const inProgress = db.tickets
    .where('[status+deadlineAt]')
    .between(['in_progress', Dexie.minKey], ['in_progress', Dexie.maxKey]);
  const start = Math.floor(Math.random() * Math.max(0, (await inProgress.count()) - count));
  const rows = await inProgress.offset(start).limit(count).toArray();
  if (rows.length < count) throw new Error(`基准数据中只有 ${rows.length} 张处理中的工单，需要 ${count} 张`);
  return rows;
}

/**
 * One ticket edit through the real saveRecord: the row, its history and an outbox op. The edits
 * alternate between the two kinds an engineer makes: a note on the timeline (the search text is
 * unchanged, so the search index is not rewritten) and a title change (new tokens, so it is).
 */
export async function timeSaves(db: YunweiDatabase, count: number, actor: string): Promise<number[]> {
  const durations: number[] = [];
  const rows = await openTickets(db, count);
  for (const [index, row] of rows.entries()) {
    const at = Date.now();
    const result =
      index % 2 === 0
        ? transition(row.record, 'comment', { actor, at, note: '已电话回访报告人，问题仍在处理' })
        : editTicket(row.record, { title: `${row.record.title}（已核实${index}）` });
    if (!result.ok) throw new Error(result.reason);
    const started = performance.now();
    await saveRecord(db, { recordType: 'ticket', before: row.record, after: result.ticket, actor, at });
    durations.push(performance.now() - started);
  }
  return durations;
}

/** The floor: the same three tables written by a bare Dexie transaction, nothing computed. */
export async function timeRawPuts(db: YunweiDatabase, count: number, actor: string): Promise<number[]> {
  const durations: number[] = [];
  for (const row of await openTickets(db, count)) {
    const at = Date.now();
    const changed = { ...row, record: { ...row.record, updatedAt: at }, updatedAt: at };
    const history = {
      id: crypto.randomUUID(),
      recordType: 'ticket' as const,
      recordId: row.id,
      field: 'title',
      oldValue: row.record.title,
      newValue: row.record.title,
      actor,
      at,
      hlc: `${at.toString(16).padStart(12, '0')}-0000-benchnode0`,
    };
    const op = {
      opId: crypto.randomUUID(),
      recordType: 'ticket' as const,
      recordId: row.id,
      fields: [{ field: 'title', value: row.record.title, hlc: history.hlc }],
      createdAt: at,
    };
    const started = performance.now();
    await db.transaction('rw', db.tickets, db.history, db.outbox, () =>
      Promise.all([db.tickets.put(changed), db.history.add(history), db.outbox.add(op)]),
    );
    durations.push(performance.now() - started);
  }
  return durations;
}

async function timeQuery(db: YunweiDatabase, filters: TicketFilters, runs: number): Promise<number[]> {
  const rules = defaultSlaRules();
  const plan = planTicketQuery(filters);
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const page = await fetchTicketPage(db, plan, null, { pageSize: 50, now: Date.now(), rules });
    durations.push(performance.now() - started);
    if (page.rows.length === 0) throw new Error(`查询没有结果：${JSON.stringify(filters)}`);
  }
  return durations;
}

/** The list's main query: one subsystem, one status, by deadline, first page of 50. */
export function timeListFirstPage(db: YunweiDatabase, runs: number): Promise<number[]> {
  return timeQuery(db, { ...EMPTY_FILTERS, subsystemIds: [5], statuses: ['new'] }, runs);
}

/** A two-character Chinese search through the tokens index, first page. */
export function timeSearch(db: YunweiDatabase, text: string, runs: number): Promise<number[]> {
  return timeQuery(db, { ...EMPTY_FILTERS, text }, runs);
}

/** Opening a ticket: its record and its whole history, oldest first. */
export async function timeDetail(
  db: YunweiDatabase,
  ticketId: string,
  runs: number,
): Promise<{ durations: number[]; historyRows: number }> {
  const durations: number[] = [];
  let historyRows = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const [row, history] = await Promise.all([
      db.tickets.get(ticketId),
      db.history.where('[recordId+at]').between([ticketId, Dexie.minKey], [ticketId, Dexie.maxKey]).toArray(),
    ]);
    durations.push(performance.now() - started);
    if (row === undefined) throw new Error(`找不到工单 ${ticketId}`);
    historyRows = history.length;
  }
  return { durations, historyRows };
}
