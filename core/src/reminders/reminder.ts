import type { WorkingCalendar } from '../calendar/working-calendar';
import type { UserScope } from '../auth/roles';
import type { ContractProfile } from '../profile/contract-profile';
import type { InspectionRun } from '../records/inspection-run';
import type { InspectionTemplate } from '../records/inspection-template';
import type { DateRange } from '../records/kinds/common';
import type { DutyAssignment, DutyLog, DutySwap } from '../records/kinds/duty';
import type { ReportSubmission } from '../records/kinds/report-submission';
import type { Visit } from '../records/kinds/visit';
import type { Ticket } from '../records/ticket';
import { type Instant, MINUTE_MS } from '../time/shanghai-time';
import { startOfDate } from '../obligations/dates';

export const REMINDER_KINDS = ['inspection', 'ticket_clock', 'report', 'duty', 'handover', 'visit'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** What each kind is called where it can be turned off. */
export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  inspection: '每日巡检到点',
  ticket_clock: '工单时限（已用 75%、超时）',
  report: '报告报送（提前 3 天、当天）',
  duty: '明天值班',
  handover: '值班交接待签收',
  visit: '月底未回访单位',
};

/** One reminder due for a user at an instant. */
export interface Reminder {
  /**
   * What it is about and which of its moments, stable across PCs and recomputations (e.g.
   * `ticket_clock:75:<ticket id>:resolution`): the receipt that makes it fire once is keyed by it.
   */
  readonly cause: string;
  readonly kind: ReminderKind;
  readonly title: string;
  readonly body: string;
  /** The in-app route that opens what it is about, e.g. `/tickets/<id>`. */
  readonly link: string;
  /** When it became due: 08:00 before an 08:30 check, the instant a clock reached 75 %. */
  readonly firesAt: Instant;
}

/**
 * Who is reminded. `scope` null is a name on this PC with no server: they keep every subsystem's
 * records and do every duty, so every kind of reminder reaches them.
 */
export interface ReminderUser {
  /** The user id records name (a ticket's assignee, a duty's person). */
  readonly id: string;
  readonly scope: UserScope | null;
}

export interface ReminderRecords {
  readonly tickets: readonly Ticket[];
  readonly inspectionTemplates: readonly InspectionTemplate[];
  readonly inspectionRuns: readonly InspectionRun[];
  readonly dutyAssignments: readonly DutyAssignment[];
  readonly dutySwaps: readonly DutySwap[];
  readonly dutyLogs: readonly DutyLog[];
  readonly visits: readonly Visit[];
  /** Reports handed in: a report's reminders stop once it is. A caller that keeps none passes none. */
  readonly reportSubmissions?: readonly ReportSubmission[];
}

export interface ReminderContext {
  readonly user: ReminderUser;
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
  /** The contract year the reports and visits are counted in. */
  readonly contractYear: DateRange;
  readonly now: Instant;
}

/** `HH:MM` on a Shanghai day. */
export function atTime(date: string, time: string): Instant {
  return startOfDate(date) + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * MINUTE_MS;
}

/**
 * The moment of a series (08:00 then 08:20; 75 % then breach) that is due at `now`: the latest one
 * whose time has come, so a PC switched on late shows where things stand rather than every step missed.
 */
export function latestDue<T extends { readonly firesAt: Instant }>(
  moments: readonly T[],
  now: Instant,
): T | undefined {
  let found: T | undefined;
  for (const moment of moments) {
    if (moment.firesAt <= now && (found === undefined || moment.firesAt >= found.firesAt)) found = moment;
  }
  return found;
}
