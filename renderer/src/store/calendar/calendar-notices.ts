import type { CalendarNotice } from '@core/calendar';
import { OPEN_TICKET_STATUSES, newRecordId, type Ticket } from '@core/records';
import { encodeHlc, type HistoryEntry, tick } from '@core/sync';
import { Dexie, type Table } from 'dexie';
import { readClock, writeClock } from '../database/clock';
import type { YunweiDatabase } from '../database/yunwei-database';
import type { CalendarMetaRow } from '../rows/row-types';
import { slaRulesWithNotices } from '../rows/sla-rules';
import { type TicketClockDeadlines, ticketClockDeadlines } from '../rows/ticket-deadline';
import { ticketRow } from '../rows/ticket-row';

export const CALENDAR_META_KEY = 'calendarNotices';
/** The history field of a recomputation: the old and new deadline of each clock, and why. */
export const SLA_DEADLINES_FIELD = 'slaDeadlines';
/** Who a recomputation is by: nobody typed it. */
export const SYSTEM_ACTOR = '系统';

/** The statuses whose clocks can still run: their deadlines move with the calendar. */

export type StoredCalendar = CalendarMetaRow['value'];

/** The `meta` table as this row's reader sees it. */
function calendarMeta(db: YunweiDatabase): Table<CalendarMetaRow, string> {
  return db.table<CalendarMetaRow, string>(db.meta.name);
}

export async function readStoredCalendar(db: YunweiDatabase): Promise<StoredCalendar> {
  const row = await calendarMeta(db).get(CALENDAR_META_KEY);
  return row?.value ?? { notices: [], etag: null };
}

/** The notices each open database's rules were last built from, so an unchanged list is not rebuilt. */
const loadedNotices = new WeakMap<YunweiDatabase, string>();

/**
 * At open (and when another window's sync may have changed them): the rules become the shipped years
 * plus the stored notices. Notices the rules already hold leave them as they are.
 */
export async function loadStoredCalendar(db: YunweiDatabase): Promise<void> {
  const { notices } = await readStoredCalendar(db);
  const text = JSON.stringify(notices);
  if (loadedNotices.get(db) === text) return;
  db.slaRules = slaRulesWithNotices(db.slaRules, notices);
  loadedNotices.set(db, text);
}

/**
 * Takes the added notices as the server (or the lead, on a local profile) now has them. When they
 * differ from the stored ones, in one transaction: the notices are stored, every open ticket whose
 * deadline or 暂定 mark changes gets its row rewritten and a history entry that says why ("2027 年节假日
 * 安排已发布，时限重新计算"); then the store's rules switch over. Returns the tickets that changed.
 */
export async function applyCalendarNotices(
  db: YunweiDatabase,
  notices: readonly CalendarNotice[],
  etag: string | null,
  now: number,
): Promise<string[]> {
  const stored = await readStoredCalendar(db);
  const reason = changeReason(stored.notices, notices);
  if (reason === null) {
    if (stored.etag !== etag)
      await calendarMeta(db).put({ key: CALENDAR_META_KEY, value: { notices: stored.notices, etag } });
    return [];
  }
  const before = db.slaRules;
  const after = slaRulesWithNotices(before, notices);
  const changed = await db.transaction('rw', [db.tickets, db.history, db.meta], async () => {
    const clock = tick(await readClock(db), now);
    const hlc = encodeHlc(clock);
    const ids: string[] = [];
    for (const status of OPEN_TICKET_STATUSES) {
      const rows = await db.tickets
        .where('[status+deadlineAt]')
        .between([status, Dexie.minKey], [status, Dexie.maxKey])
        .toArray();
      for (const row of rows) {
        const old = ticketClockDeadlines(row.record, before, now);
        const next = ticketClockDeadlines(row.record, after, now);
        if (sameDeadlines(old, next)) continue;
        await db.tickets.put(ticketRow(row.record, after, now, row.serverClocks));
        await db.history.put(recomputeEntry(row.record, old, next, reason, now, hlc));
        ids.push(row.id);
      }
    }
    await writeClock(db, clock);
    await calendarMeta(db).put({ key: CALENDAR_META_KEY, value: { notices: [...notices], etag } });
    return ids;
  });
  db.slaRules = after;
  loadedNotices.set(db, JSON.stringify(notices));
  return changed;
}

function recomputeEntry(
  ticket: Ticket,
  old: TicketClockDeadlines,
  next: TicketClockDeadlines,
  reason: string,
  at: number,
  hlc: string,
): HistoryEntry {
  return {
    id: newRecordId(),
    recordType: 'ticket',
    recordId: ticket.id,
    field: SLA_DEADLINES_FIELD,
    oldValue: { response: old.response, resolution: old.resolution },
    newValue: { response: next.response, resolution: next.resolution, reason },
    actor: SYSTEM_ACTOR,
    at,
    hlc,
  };
}

function sameDeadlines(a: TicketClockDeadlines, b: TicketClockDeadlines): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "2027 年节假日安排已发布，时限重新计算", or null when the notices are the same as before. */
export function changeReason(
  before: readonly CalendarNotice[],
  after: readonly CalendarNotice[],
): string | null {
  const previous = new Map(before.map((notice) => [notice.year, JSON.stringify(notice)]));
  const current = new Map(after.map((notice) => [notice.year, JSON.stringify(notice)]));
  const parts: string[] = [];
  for (const [year, text] of [...current].sort(([a], [b]) => a - b)) {
    if (!previous.has(year)) parts.push(`${year} 年节假日安排已发布`);
    else if (previous.get(year) !== text) parts.push(`${year} 年节假日安排已更新`);
  }
  for (const year of previous.keys()) if (!current.has(year)) parts.push(`${year} 年节假日安排已撤回`);
  return parts.length === 0 ? null : `${parts.join('，')}，时限重新计算`;
}
