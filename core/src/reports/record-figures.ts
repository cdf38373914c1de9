import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ContractProfile } from '../profile';
import type { DateRange } from '../records/kinds/common';
import { contractYearOf } from '../records/kinds/contract-year';
import type { DutyAssignment, DutyLog, DutySwap, SensitivePeriod } from '../records/kinds/duty';
import { DUTY_DAY_REASON_LABELS, type DutyDay, dutyDays } from '../records/kinds/duty-days';
import { type DutyDayStatus, currentRoster, dutyDayStatuses } from '../records/kinds/duty-roster';
import type { OnSiteDay } from '../records/kinds/onsite';
import { type OnSiteWorkdays, onSiteWorkdays } from '../records/kinds/onsite-check';
import type { Training } from '../records/kinds/training';
import {
  type RequirementProgress,
  type TrainingCheck,
  checkTraining,
  trainingProgress,
} from '../records/kinds/training-check';
import type { Visit, VisitSatisfactionLevel } from '../records/kinds/visit';
import { type VisitCoverage, visitCoverage } from '../records/kinds/visit-coverage';
import {
  type Instant,
  dayNumberOf,
  dayNumberToIsoDate,
  isoDateToDayNumber,
  startOfDay,
} from '../time/shanghai-time';
import { type ReportPeriod, type ReportScope, inPeriod, inScope } from './period';

/**
 * The figures of the record kinds kept besides tickets and inspections (duty, trainings, visits,
 * on-site days), each one function over a period and a scope, computed with the checks the app shows
 * (dutyDayStatuses, checkTraining / trainingProgress, visitCoverage, onSiteWorkdays), so a document
 * says what the app says.
 */

/** What these figures read; a list the caller does not keep counts as none. */
export interface KindRecords {
  readonly trainings?: readonly Training[];
  readonly sensitivePeriods?: readonly SensitivePeriod[];
  readonly dutyAssignments?: readonly DutyAssignment[];
  readonly dutySwaps?: readonly DutySwap[];
  readonly dutyLogs?: readonly DutyLog[];
  readonly visits?: readonly Visit[];
  readonly onSiteDays?: readonly OnSiteDay[];
}

export interface KindFigureRequest {
  readonly period: ReportPeriod;
  readonly scope: ReportScope;
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
  readonly asOf: Instant;
  readonly records: KindRecords;
}

function periodRange(period: ReportPeriod): DateRange {
  return { from: dayNumberToIsoDate(period.fromDay), to: dayNumberToIsoDate(period.toDay) };
}

/** The last day the figures count: the period's last day, or the day of `asOf` while it runs. */
function lastCountedDay({ asOf, period }: KindFigureRequest): string {
  return dayNumberToIsoDate(Math.min(dayNumberOf(asOf - 1), period.toDay));
}

/**
 * The contract year the period ends in, up to the last counted day: minimums are yearly, so a
 * month's document says how far the year has come by that month's end.
 */
function yearSoFar(request: KindFigureRequest): DateRange & { readonly label: string } {
  const last = lastCountedDay(request);
  const year = contractYearOf(dayStart(last));
  return { from: year.from, to: last < year.to ? last : year.to, label: year.label };
}

function dayStart(date: string): Instant {
  return startOfDay(isoDateToDayNumber(date));
}

// ---- duty ----

export interface DutyDayRow {
  readonly day: DutyDay;
  readonly status: DutyDayStatus;
  /** The day's undeleted logs of the row's scope. */
  readonly logs: readonly DutyLog[];
}

export interface DutyFigures {
  /** One row per duty day and duty scope (contract-wide, or a subsystem keeping its own duty). */
  readonly rows: readonly DutyDayRow[];
  readonly days: number;
  /** Days still to come (after `asOf`): not yet judged. */
  readonly upcoming: number;
  readonly rostered: number;
  /** Days with at least one duty log. */
  readonly logged: number;
  readonly logs: number;
  /** Days whose every log was handed over. */
  readonly handedOver: number;
  /** Days whose every hand-over was signed off (the day is complete). */
  readonly signedOff: number;
  readonly calls: number;
  readonly events: number;
  /** The gaps as dutyDayStatuses words them. */
  readonly gaps: readonly string[];
}

/**
 * The duty scopes a document reports: contract-wide duty always (it serves every subsystem), and each
 * subsystem in scope that keeps duty of its own in the period (assignments or logs of its own) or that
 * a sensitive period names on one of the days.
 */
export function dutyScopes(request: KindFigureRequest, days: readonly DutyDay[]): (number | null)[] {
  const range = periodRange(request.period);
  const own = new Set<number>();
  const mark = (subsystemId: number | null, date: string, deleted: boolean) => {
    if (subsystemId === null || deleted || date < range.from || date > range.to) return;
    if (inScope(request.scope, subsystemId)) own.add(subsystemId);
  };
  for (const entry of request.records.dutyAssignments ?? [])
    mark(entry.subsystemId, entry.date, entry.deleted);
  for (const log of request.records.dutyLogs ?? []) mark(log.subsystemId, log.date, log.deleted);
  for (const day of days) {
    if (day.subsystems !== 'all') for (const id of day.subsystems) mark(id, day.date, false);
  }
  return [null, ...[...own].sort((a, b) => a - b)];
}

/**
 * The duty days of the period, each with who was rostered (swaps applied), the logs, and whether it
 * was handed over and signed off (dutyDayStatuses, judged at `asOf`). Rest days are contract-wide duty;
 * a subsystem's own rows are the days a sensitive period names it and the days it kept duty itself,
 * so a subsystem that leaves weekends to the contract-wide roster shows no gap for them.
 */
export function dutyFigures(request: KindFigureRequest): DutyFigures {
  const { records, calendar } = request;
  const days = dutyDays(calendar, periodRange(request.period), records.sensitivePeriods ?? []);
  const roster = currentRoster(records.dutyAssignments ?? [], records.dutySwaps ?? []);
  const logs = (records.dutyLogs ?? []).filter((log) => !log.deleted);
  const today = dayNumberToIsoDate(dayNumberOf(request.asOf));
  const byDate = new Map(days.map((day) => [day.date, day]));
  const rows: DutyDayRow[] = dutyScopes(request, days)
    .flatMap((subsystemId) =>
      dutyDayStatuses(days, roster, logs, subsystemId, today)
        .map((status) => ({
          day: byDate.get(status.date) as DutyDay,
          status,
          logs: logs.filter((log) => log.date === status.date && log.subsystemId === subsystemId),
        }))
        .filter(
          (row) =>
            subsystemId === null ||
            row.day.subsystems !== 'all' ||
            row.status.people.length > 0 ||
            row.logs.length > 0,
        ),
    )
    .sort((a, b) => (a.status.date < b.status.date ? -1 : a.status.date > b.status.date ? 1 : 0));
  const withLogs = rows.filter((row) => row.logs.length > 0);
  const upcoming = rows.filter((row) => row.status.state === 'upcoming').length;
  return {
    rows,
    days: rows.length,
    upcoming,
    rostered: rows.filter((row) => row.status.people.length > 0).length,
    logged: withLogs.length,
    logs: withLogs.reduce((sum, row) => sum + row.logs.length, 0),
    handedOver: withLogs.filter((row) => row.logs.every((log) => log.handOverTo !== null)).length,
    signedOff: withLogs.filter((row) => row.logs.every((log) => log.signedOffAt !== null)).length,
    calls: withLogs.reduce((sum, row) => sum + row.logs.reduce((n, log) => n + log.callsReceived, 0), 0),
    events: withLogs.reduce((sum, row) => sum + row.logs.reduce((n, log) => n + log.events.length, 0), 0),
    gaps: rows.flatMap((row) => (row.status.reason === '' ? [] : [row.status.reason])),
  };
}

/** 周末, 春节, 两会: why a day is a duty day, as a row names it. */
export function dutyDayKind(day: DutyDay): string {
  if (day.names.length > 0) return day.names.join('、');
  return day.reasons.map((reason) => DUTY_DAY_REASON_LABELS[reason]).join('、');
}

// ---- trainings ----

export interface TrainingRow {
  readonly training: Training;
  /** The contract requirement's topic, or null for a training the contract does not ask for. */
  readonly requirementTopic: string | null;
  /** The check against its requirement; null for a training the contract does not ask for. */
  readonly check: TrainingCheck | null;
}

export interface TrainingFigures {
  /** The trainings held in the period and scope, in order of time. */
  readonly rows: readonly TrainingRow[];
  readonly held: number;
  readonly attendees: number;
  /** Held for a requirement and meeting it. */
  readonly met: number;
  /** Held for a requirement and not meeting it. */
  readonly notMet: number;
  /** The contract year up to the period's end: each requirement's sessions done and still owed. */
  readonly progress: readonly RequirementProgress[];
  readonly yearLabel: string;
}

export function trainingFigures(request: KindFigureRequest): TrainingFigures {
  const { profile, scope, period } = request;
  const all = (request.records.trainings ?? []).filter((training) => !training.deleted);
  const subsystems = profile.subsystems.filter((subsystem) => inScope(scope, subsystem.id));
  const rows = all
    .filter((training) => inScope(scope, training.subsystemId) && inPeriod(period, training.startAt))
    .filter((training) => training.startAt < request.asOf)
    .sort((a, b) => a.startAt - b.startAt)
    .map((training) => {
      const subsystem = subsystems.find((candidate) => candidate.id === training.subsystemId);
      const requirement = subsystem?.trainings.find((candidate) => candidate.id === training.requirementId);
      return {
        training,
        requirementTopic: requirement?.topic ?? null,
        check:
          subsystem === undefined || requirement === undefined
            ? null
            : checkTraining(training, subsystem, profile.documentSystem),
      };
    });
  const year = yearSoFar(request);
  return {
    rows,
    held: rows.length,
    attendees: rows.reduce((sum, row) => sum + attendeesOf(row.training), 0),
    met: rows.filter((row) => row.check?.met === true).length,
    notMet: rows.filter((row) => row.check?.met === false).length,
    progress: trainingProgress(subsystems, profile.documentSystem, all, year),
    yearLabel: year.label,
  };
}

function attendeesOf(training: Training): number {
  return training.attendance.kind === 'list'
    ? training.attendance.attendees.length
    : training.attendance.count;
}

// ---- visits ----

export interface VisitFigures {
  /** False when the scope has no document system (no visits are owed or kept for it). */
  readonly applies: boolean;
  readonly visits: readonly Visit[];
  readonly units: number;
  /** Units visited at least once in the period. */
  readonly unitsVisited: number;
  /** Units × months of the period, each visited as often as the profile asks or not. */
  readonly coverage: VisitCoverage | null;
  readonly unitMonths: number;
  readonly unitMonthsVisited: number;
  readonly satisfaction: Readonly<Record<VisitSatisfactionLevel, number>>;
  /** Satisfied or basically satisfied over all ratings; null with no rating. */
  readonly satisfactionRate: number | null;
}

/** The service manager's visits to the document system's units, which are that subsystem's records. */
export function visitFigures(request: KindFigureRequest): VisitFigures {
  const documentSystem = request.profile.documentSystem;
  const satisfaction = { satisfied: 0, basically_satisfied: 0, dissatisfied: 0 };
  if (documentSystem === undefined || !inScope(request.scope, documentSystem.subsystemId)) {
    return {
      applies: false,
      visits: [],
      units: 0,
      unitsVisited: 0,
      coverage: null,
      unitMonths: 0,
      unitMonthsVisited: 0,
      satisfaction,
      satisfactionRate: null,
    };
  }
  const range = periodRange(request.period);
  const last = lastCountedDay(request);
  const visits = (request.records.visits ?? [])
    .filter((visit) => !visit.deleted && visit.date >= range.from && visit.date <= last)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const coverage = visitCoverage(
    documentSystem,
    visits,
    range,
    dayNumberToIsoDate(dayNumberOf(request.asOf)),
  );
  for (const visit of visits) for (const entry of visit.satisfaction) satisfaction[entry.level] += 1;
  const rated = satisfaction.satisfied + satisfaction.basically_satisfied + satisfaction.dissatisfied;
  const cells = coverage.rows.flatMap((row) => row.cells).filter((cell) => cell.state !== 'upcoming');
  return {
    applies: true,
    visits,
    units: documentSystem.units.length,
    unitsVisited: new Set(visits.flatMap((visit) => visit.unitIds)).size,
    coverage,
    unitMonths: cells.length,
    unitMonthsVisited: cells.filter((cell) => cell.state === 'visited').length,
    satisfaction,
    satisfactionRate:
      rated === 0 ? null : (satisfaction.satisfied + satisfaction.basically_satisfied) / rated,
  };
}

// ---- on-site days ----

export interface OnSiteRow {
  readonly subsystemId: number;
  /** Working days of the period with someone of the subsystem on site. */
  readonly inPeriod: number;
  /** The contract year up to the period's end, against the yearly minimum. */
  readonly year: OnSiteWorkdays;
}

/**
 * Per subsystem in scope with an on-site minimum or on-site days in the period: working days on site in
 * the period, and the year so far against the minimum (onSiteWorkdays, which counts a day once).
 */
export function onSiteFigures(request: KindFigureRequest): OnSiteRow[] {
  const { profile, scope, calendar } = request;
  const days = (request.records.onSiteDays ?? []).filter((day) => !day.deleted);
  const range = periodRange(request.period);
  const last = lastCountedDay(request);
  const year = yearSoFar(request);
  return profile.subsystems
    .filter((subsystem) => inScope(scope, subsystem.id))
    .flatMap((subsystem) => {
      const inPeriodResult = onSiteWorkdays(subsystem, days, calendar, range, last);
      const hasTarget = subsystem.targets.some((target) => target.metric === 'onsite-workdays-per-year');
      if (!hasTarget && inPeriodResult.done === 0) return [];
      return [
        {
          subsystemId: subsystem.id,
          inPeriod: inPeriodResult.done,
          year: onSiteWorkdays(
            subsystem,
            days,
            calendar,
            { from: year.from, to: contractYearEnd(year) },
            last,
          ),
        },
      ];
    });
}

/** The whole contract year, so that the working days still left after the period are counted. */
function contractYearEnd(year: DateRange): string {
  return contractYearOf(dayStart(year.from)).to;
}
