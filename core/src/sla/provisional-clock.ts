import { type ProvisionalNote, type WorkingCalendar, provisionalNote } from '../calendar';
import type { Instant } from '../time/shanghai-time';
import { scheduleFromText } from './schedule';
import type { TicketClockSpec } from './ticket-clock';

/** Whether a clock counts by the working calendar: working days, or minutes on working-day hours. */
export function usesWorkingCalendar(spec: TicketClockSpec): boolean {
  if ('workdays' in spec) return true;
  const schedule = typeof spec.schedule === 'string' ? scheduleFromText(spec.schedule) : spec.schedule;
  return schedule.kind === 'workday';
}

/**
 * Why a ticket's clock is 暂定, or null: it counts by the working calendar and went through days of a
 * year without a notice between the ticket's receipt and its deadline (or now, while paused). A 24×7
 * or every-day clock never looks at the calendar, so it is never provisional.
 */
export function ticketClockProvisional(
  spec: TicketClockSpec,
  calendar: WorkingCalendar,
  receivedAt: Instant,
  deadlineOrNow: Instant,
): ProvisionalNote | null {
  return usesWorkingCalendar(spec) ? provisionalNote(calendar, receivedAt, deadlineOrNow) : null;
}
