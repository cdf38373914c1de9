import { TICKET_STATUS_LABELS, type Ticket, type TicketStatus } from '@core/records';
import { DAY_MS, isoDateToDayNumber, startOfDay, type Instant } from '@core/time/shanghai-time';
import type { TicketRow, YunweiDatabase } from '../../store';

/** A ticket as the duty log offers and shows it. */
export interface DayTicket {
  readonly id: string;
  readonly title: string;
  readonly subsystemId: number;
  readonly status: TicketStatus;
  readonly receivedAt: Instant;
  /** Whether it came in that day (opened) rather than only being worked on. */
  readonly opened: boolean;
}

/** The Shanghai day's bounds: [start, end). */
export function dayBounds(date: string): { readonly start: Instant; readonly end: Instant } {
  const start = startOfDay(isoDateToDayNumber(date));
  return { start, end: start + DAY_MS };
}

/** Whether a ticket was opened (received) or touched (any timeline event) during [start, end). */
export function ticketTouchedDuring(ticket: Ticket, start: Instant, end: Instant): boolean {
  if (ticket.receivedAt >= start && ticket.receivedAt < end) return true;
  return ticket.events.some((event) => event.at >= start && event.at < end);
}

function dayTicket(ticket: Ticket, start: Instant, end: Instant): DayTicket {
  return {
    id: ticket.id,
    title: ticket.title,
    subsystemId: ticket.subsystemId,
    status: ticket.status,
    receivedAt: ticket.receivedAt,
    opened: ticket.receivedAt >= start && ticket.receivedAt < end,
  };
}

/** 新建 · 网站群首页打不开. */
export function dayTicketLabel(ticket: DayTicket): string {
  return `${ticket.opened ? '当天接报' : '当天处理'} · ${TICKET_STATUS_LABELS[ticket.status]} · ${ticket.title}`;
}

/**
 * The tickets opened or touched on a duty day, in the log's scope (a subsystem's, or every ticket for
 * contract-wide duty), plus the ones the log already links whatever their day, so each link has a
 * title. A ticket's last write is its `updatedAt`, so only rows written since the day began are
 * opened; the store keeps no index by day, and a duty log is opened far less often than the list.
 */
export async function readDayTickets(
  db: YunweiDatabase,
  date: string,
  subsystemId: number | null,
  linkedIds: readonly string[],
): Promise<DayTicket[]> {
  const { start, end } = dayBounds(date);
  const rows =
    subsystemId === null
      ? db.tickets.toCollection()
      : db.tickets.where('[subsystemId+status+deadlineAt]').between([subsystemId], [subsystemId, []]);
  const touched = await rows
    .filter(
      (row: TicketRow) =>
        !row.record.deleted && row.updatedAt >= start && ticketTouchedDuring(row.record, start, end),
    )
    .toArray();
  const found = new Map(touched.map((row) => [row.id, dayTicket(row.record, start, end)]));
  const missing = linkedIds.filter((id) => !found.has(id));
  for (const row of await db.tickets.bulkGet(missing)) {
    if (row !== undefined) found.set(row.id, dayTicket(row.record, start, end));
  }
  return [...found.values()].sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1));
}
