import type { Ticket, TicketStatus } from '@core/records';
import { computeTicketClocks, CLOCK_KIND_ORDER, type ClockRules } from './ticket-clocks';
import type { RiskFilter } from './ticket-filters';

/** The row fields the risk check reads (a TicketRow has them). */
export interface RiskRow {
  readonly record: Ticket;
  readonly status: TicketStatus;
  /** The earliest running deadline as of the last save; NO_RUNNING_DEADLINE when none ran. */
  readonly deadlineAt: number;
  readonly breached: 0 | 1;
}

/**
 * Whether a row is 已超时 or 即将超时 now.
 * - 已超时: a clock was late at the last save (`breached`), or a clock that was running then has
 *   passed its deadline since (`deadlineAt < now`; the deadline instant itself is on time).
 * - 即将超时: a clock that has not stopped has used at least 75 % of its budget and is not late yet
 *   (whatever the other clock does: a late response does not make the resolution less urgent). Only
 *   computed for tickets whose clocks can still run: resolved and closed ones never warn.
 */
export function rowAtRisk(row: RiskRow, risk: RiskFilter, now: number, rules: ClockRules): boolean {
  switch (risk) {
    case 'all':
      return true;
    case 'breached':
      return row.breached === 1 || row.deadlineAt < now;
    case 'at_risk': {
      if (row.status === 'resolved' || row.status === 'closed') return false;
      const clocks = computeTicketClocks(row.record, rules, now);
      return CLOCK_KIND_ORDER.some((kind) => {
        const clock = clocks[kind];
        return clock.kind === 'timed' && clock.status.warning && !clock.status.breached;
      });
    }
  }
}
