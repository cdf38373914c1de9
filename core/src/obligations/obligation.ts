import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ContractProfile } from '../profile/contract-profile';
import type { InspectionRun } from '../records/inspection-run';
import type { InspectionTemplate } from '../records/inspection-template';
import type { DateRange } from '../records/kinds/common';
import type { DutyAssignment, DutyLog, DutySwap, SensitivePeriod } from '../records/kinds/duty';
import type { OnSiteDay } from '../records/kinds/onsite';
import type { ReportSubmission } from '../records/kinds/report-submission';
import type { Training } from '../records/kinds/training';
import type { Visit } from '../records/kinds/visit';
import type { TicketDigest } from '../reports/ticket-digest';
import type { Instant } from '../time/shanghai-time';

/**
 * Where a promise of the contract stands at an instant:
 * - `met`: kept (a clock stopped in time, a check done by its time, a unit visited this month);
 * - `due`: not yet kept, and there is still comfortable time until `dueAt`;
 * - `at_risk`: not yet kept and about to be broken (75 % of a clock used, a report due within 3 days,
 *   behind the pace a yearly number needs);
 * - `overdue`: its time has passed but it can still be made good (a check after 08:30 on the same day,
 *   a duty log not yet written);
 * - `broken`: it can no longer be kept (a clock breached, a check missed, a month gone without a visit).
 */
export const OBLIGATION_STATES = ['broken', 'overdue', 'at_risk', 'due', 'met'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

export const OBLIGATION_STATE_LABELS: Readonly<Record<ObligationState, string>> = {
  broken: '已违约',
  overdue: '已逾期',
  at_risk: '有风险',
  due: '待完成',
  met: '已达标',
};

export const OBLIGATION_KINDS = [
  'ticket_clock',
  'inspection',
  'report',
  'acceptance',
  'training',
  'visit',
  'onsite_workdays',
  'stationed',
  'duty',
  'target',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_KIND_LABELS: Readonly<Record<ObligationKind, string>> = {
  ticket_clock: '工单时限',
  inspection: '巡检',
  report: '报告报送',
  acceptance: '验收',
  training: '培训',
  visit: '现场回访',
  onsite_workdays: '现场服务天数',
  stationed: '驻场人数',
  duty: '节假日值班',
  target: '运维指标',
};

/** One promise of the contract, one occasion of it (a ticket's clock, a day's check, a unit-month). */
export interface Obligation {
  /** Stable across computations (kind, source and occasion), so a reminder can fire once per cause. */
  readonly id: string;
  readonly kind: ObligationKind;
  /** The subsystem it belongs to, or null for the whole contract. */
  readonly subsystemId: number | null;
  /** The document-system unit it concerns (visits, per-unit trainings), or null. */
  readonly unitId: number | null;
  readonly title: string;
  readonly state: ObligationState;
  /** When it falls due (a clock's deadline, 08:30 of the day, the report's day); null when it has none. */
  readonly dueAt: Instant | null;
  /** Why it stands where it does, a Chinese sentence. */
  readonly detail: string;
  /** The records that prove it (the ticket, the run, the visits, the logs): what a click opens. */
  readonly recordIds: readonly string[];
  /** The tender's words it comes from, where the profile gives them. */
  readonly clause: string | null;
}

/** A duty of the profile the app does not check, with why, so nothing is silently left out. */
export interface NotTracked {
  /** Where in the profile, e.g. 运维子项 7 · 运维指标. */
  readonly source: string;
  readonly subsystemId: number | null;
  readonly text: string;
  readonly reason: string;
}

export interface ObligationRecords {
  /**
   * The tickets' digests (reports/ticket-digest.ts), taken at `now` or settled before it: a year of
   * tickets is then judged without timing every clock again.
   */
  readonly tickets: readonly TicketDigest[];
  readonly inspectionTemplates: readonly InspectionTemplate[];
  readonly inspectionRuns: readonly InspectionRun[];
  readonly trainings: readonly Training[];
  readonly dutyAssignments: readonly DutyAssignment[];
  readonly dutySwaps: readonly DutySwap[];
  readonly dutyLogs: readonly DutyLog[];
  readonly sensitivePeriods: readonly SensitivePeriod[];
  readonly visits: readonly Visit[];
  readonly onSiteDays: readonly OnSiteDay[];
  /** Reports handed in (report_submission); a caller that keeps none passes none. */
  readonly reportSubmissions?: readonly ReportSubmission[];
}

/**
 * Whose obligations: the subsystems (null: all) and the document-system units (null: all). A service
 * manager's scope is the document system's subsystem and their units.
 */
export interface ObligationScope {
  readonly subsystemIds: readonly number[] | null;
  readonly unitIds: readonly number[] | null;
}

export const WHOLE_CONTRACT_SCOPE: ObligationScope = { subsystemIds: null, unitIds: null };

export interface ObligationContext {
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
  /** The contract year (or any span of it): the profile has the term's length, not its start. */
  readonly contractYear: DateRange;
  readonly now: Instant;
  readonly scope: ObligationScope;
}

export function subsystemInScope(scope: ObligationScope, subsystemId: number | null): boolean {
  if (subsystemId === null) return true;
  return scope.subsystemIds === null || scope.subsystemIds.includes(subsystemId);
}

export function unitInScope(scope: ObligationScope, unitId: number): boolean {
  return scope.unitIds === null || scope.unitIds.includes(unitId);
}

/** A state's place in OBLIGATION_STATES, looked up once per comparison of a long sort. */
export const STATE_RANK: Readonly<Record<ObligationState, number>> = {
  broken: 0,
  overdue: 1,
  at_risk: 2,
  due: 3,
  met: 4,
};

/** Most pressing first: broken, overdue, at risk, due, met; then by due time, then by id. */
export function compareObligations(a: Obligation, b: Obligation): number {
  const rank = STATE_RANK[a.state] - STATE_RANK[b.state];
  if (rank !== 0) return rank;
  const dueA = a.dueAt ?? Number.POSITIVE_INFINITY;
  const dueB = b.dueAt ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
