import type { WorkingCalendar } from '@core/calendar';
import {
  type BreachLink,
  type ChartModel,
  dutyCoverageChart,
  inspectionDays,
  inspectionHeatmapChart,
  onSiteDaysChart,
  openTicketsChart,
  slaComplianceChart,
  trainingChart,
  visitMatrixChart,
} from '@core/charts';
import {
  type ContractObligations,
  type Obligation,
  type ObligationScope,
  type ObligationState,
  STATE_RANK,
  compareObligations,
  contractObligations,
} from '@core/obligations';
import { CLOCK_KINDS, type ContractProfile } from '@core/profile';
import type { InspectionRun, InspectionTemplate } from '@core/records';
import {
  type DateRange,
  type DutyAssignment,
  type DutyLog,
  type DutySwap,
  type OnSiteDay,
  type ReportSubmission,
  type SensitivePeriod,
  type Training,
  type Visit,
  contractYearOf,
  currentRoster,
  dutyDays,
  dutyDayStatuses,
  onSiteWorkdays,
  trainingProgress,
  visitCoverage,
} from '@core/records/kinds';
import {
  type TicketDigest,
  monthPeriod,
  reportPeriod,
  slaComplianceOf,
  ticketsReceivedIn,
} from '@core/reports';
import { type Instant, dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';

/** The records the dashboard draws from, as this PC's store holds them. */
export interface DashboardRecords {
  /** The digests of the contract year's tickets as of the dashboard's instant (tickets/ticket-digest-store.ts). */
  readonly tickets: readonly TicketDigest[];
  readonly templates: readonly InspectionTemplate[];
  readonly runs: readonly InspectionRun[];
  readonly trainings: readonly Training[];
  readonly visits: readonly Visit[];
  readonly onSiteDays: readonly OnSiteDay[];
  readonly dutyAssignments: readonly DutyAssignment[];
  readonly dutySwaps: readonly DutySwap[];
  readonly dutyLogs: readonly DutyLog[];
  readonly sensitivePeriods: readonly SensitivePeriod[];
  /** Reports handed in (标记为已提交); a caller that keeps none passes none. */
  readonly reportSubmissions?: readonly ReportSubmission[];
}

/** Where a record id of a chart leads, and what a list of them calls it. */
export interface RecordLink {
  readonly path: string;
  readonly label: string;
}

/** Where each record id of the charts leads (a ticket's is made when first asked for). */
export interface RecordLinks {
  get(id: string): RecordLink | undefined;
  has(id: string): boolean;
}

export interface DashboardFigures {
  readonly contractYear: DateRange;
  readonly obligations: ContractObligations;
  readonly counts: Readonly<Record<ObligationState, number>>;
  /** The most pressing of the broken, overdue and at-risk obligations, first first (PRESSING_LISTED). */
  readonly pressing: readonly Obligation[];
  /** How many broken, overdue and at-risk obligations there are in all. */
  readonly pressingTotal: number;
  /** Reports and acceptances, by due day. */
  readonly comingDue: readonly Obligation[];
  readonly slaMonth: ChartModel;
  readonly slaYear: ChartModel;
  readonly openTickets: ChartModel;
  readonly inspections: ChartModel;
  /** Null where the scope owes none (no counted training, no unit, no on-site target). */
  readonly trainings: ChartModel | null;
  readonly visits: ChartModel | null;
  readonly onSite: ChartModel | null;
  readonly duty: ChartModel;
  readonly links: RecordLinks;
}

/** The contract year the dashboard shows: the one the other pages count by (`contractYearOf`). */
export function dashboardYear(now: Instant): DateRange {
  const { from, to } = contractYearOf(now);
  return { from, to };
}

/**
 * Everything the page draws, from the records in scope: the obligations and the charts over the
 * documents' own figures and the record kinds' checks (SLA compliance this month and this year, open
 * tickets by age, the daily inspections, trainings, visits, on-site days, duty). Pure, so it is tested
 * and measured without a page.
 */
export function dashboardFigures(
  records: DashboardRecords,
  rules: { readonly profile: ContractProfile; readonly calendar: WorkingCalendar },
  scope: ObligationScope,
  now: Instant,
): DashboardFigures {
  const { profile, calendar } = rules;
  const contractYear = dashboardYear(now);
  const inScope = (subsystemId: number) =>
    scope.subsystemIds === null || scope.subsystemIds.includes(subsystemId);
  const tickets =
    scope.subsystemIds === null
      ? records.tickets
      : records.tickets.filter((ticket) => inScope(ticket.subsystemId));
  const templates = records.templates.filter((template) => inScope(template.subsystemId));
  // The page counts the clocks that are history (kept, or stopped late) and lists those that need
  // attention: a year of tickets has hundreds of thousands of clocks.
  const obligations = contractObligations(
    {
      tickets,
      inspectionTemplates: templates,
      inspectionRuns: records.runs,
      trainings: records.trainings,
      dutyAssignments: records.dutyAssignments,
      dutySwaps: records.dutySwaps,
      dutyLogs: records.dutyLogs,
      sensitivePeriods: records.sensitivePeriods,
      visits: records.visits,
      onSiteDays: records.onSiteDays,
      reportSubmissions: records.reportSubmissions,
    },
    { profile, calendar, contractYear, now, scope },
    { ticketClocks: 'attention' },
  );
  const shown = obligations.obligations;
  const counts: Record<ObligationState, number> = { broken: 0, overdue: 0, at_risk: 0, due: 0, met: 0 };
  for (const obligation of shown) counts[obligation.state] += 1;
  counts.met += obligations.unlistedTicketClocks.met;
  counts.broken += obligations.unlistedTicketClocks.broken;

  const whole = { subsystemIds: [] };
  const ofYear = ticketsReceivedIn(tickets, reportPeriod(contractYear.from, contractYear.to), whole);
  const month = dayNumberToIsoDate(dayNumberOf(now)).slice(0, 7);
  const ofMonth = ticketsReceivedIn(ofYear, monthPeriod(month), whole);
  const monthIds = new Set(ofMonth.map((ticket) => ticket.id));
  // The breaches behind the bars: the clocks the digests judged breached (the broken ticket-clock
  // obligations), so no clock of the year is timed a second time.
  const breaches: BreachLink[] = [];
  for (const ticket of ofYear) {
    for (const kind of CLOCK_KINDS)
      if (ticket.clocks[kind]?.breached === true) breaches.push({ ticket, kind });
  }

  const risky = new Set(
    shown
      .filter(
        (obligation) =>
          obligation.kind === 'ticket_clock' && obligation.state !== 'met' && obligation.state !== 'due',
      )
      .flatMap((obligation) => obligation.recordIds),
  );

  const links = new Map<string, RecordLink>();
  const templateNames = new Map(templates.map((template) => [template.templateId, template.name]));
  for (const run of records.runs) {
    links.set(run.id, {
      path: `/inspections/run/${run.id}`,
      label: `巡检：${templateNames.get(run.templateId) ?? run.templateId} ${run.scheduledFor ?? ''}`.trim(),
    });
  }

  for (const training of records.trainings) {
    links.set(training.id, { path: `/trainings/${training.id}`, label: `培训：${training.topic}` });
  }
  for (const visit of records.visits) {
    links.set(visit.id, { path: `/visits/${visit.id}`, label: `回访：${visit.date} ${visit.visitor}` });
  }
  for (const log of records.dutyLogs) {
    links.set(log.id, { path: `/duty/log/${log.id}`, label: `值班记录：${log.date} ${log.onDuty}` });
  }
  for (const assignment of records.dutyAssignments) {
    links.set(assignment.id, { path: '/duty', label: `排班：${assignment.date} ${assignment.person}` });
  }
  for (const day of records.onSiteDays) {
    links.set(day.id, { path: '/onsite', label: `驻场：${day.date} ${day.engineer}` });
  }

  const today = dayNumberToIsoDate(dayNumberOf(now));
  const subsystems = profile.subsystems.filter((subsystem) => inScope(subsystem.id));
  const counted = trainingProgress(
    subsystems,
    profile.documentSystem,
    records.trainings,
    contractYear,
  ).filter((row) => row.owed !== null);
  const documentSystem = profile.documentSystem;
  const coverage =
    documentSystem === undefined || !inScope(documentSystem.subsystemId)
      ? null
      : visitCoverage(documentSystem, records.visits, contractYear, today);
  const units =
    coverage?.rows.filter((row) => scope.unitIds === null || scope.unitIds.includes(row.unitId)) ?? [];
  const onSiteRows = subsystems
    .filter((subsystem) => subsystem.targets.some((target) => target.metric === 'onsite-workdays-per-year'))
    .map((subsystem) => ({
      subsystemId: subsystem.id,
      result: onSiteWorkdays(subsystem, records.onSiteDays, calendar, contractYear, today),
    }));
  const dutyStatuses = dutyDayStatuses(
    dutyDays(calendar, contractYear, records.sensitivePeriods),
    currentRoster(records.dutyAssignments, records.dutySwaps),
    records.dutyLogs,
    null,
    today,
  );

  return {
    contractYear,
    obligations,
    counts,
    ...mostPressing(shown),
    // Reports not handed in by their day first, then by how soon each falls due; handed in last.
    comingDue: shown
      .filter((obligation) => obligation.kind === 'report' || obligation.kind === 'acceptance')
      .sort(compareObligations),
    slaMonth: slaComplianceChart(
      slaComplianceOf(ofMonth),
      breaches.filter((breach) => monthIds.has(breach.ticket.id)),
      profile,
      `${Number(month.slice(5))}月 SLA 达标率`,
    ),
    slaYear: slaComplianceChart(
      slaComplianceOf(ofYear),
      breaches,
      profile,
      `${contractYear.from.slice(0, 4)}年度 SLA 达标率`,
    ),
    openTickets: openTicketsChart(tickets, risky, profile, now),
    inspections: inspectionHeatmapChart(inspectionDays(shown), contractYear),
    trainings: counted.length === 0 ? null : trainingChart(counted, shown, profile),
    visits: coverage === null || units.length === 0 ? null : visitMatrixChart({ ...coverage, rows: units }),
    onSite: onSiteRows.length === 0 ? null : onSiteDaysChart(onSiteRows, shown, profile),
    duty: dutyCoverageChart(dutyStatuses),
    links: withTicketLinks(links, tickets),
  };
}

/**
 * The records' links, and a ticket's made from the digests when first asked for: a year of tickets
 * would otherwise cost a label each on every render for the few a user clicks.
 */
function withTicketLinks(
  records: ReadonlyMap<string, RecordLink>,
  tickets: readonly TicketDigest[],
): RecordLinks {
  let byId: Map<string, TicketDigest> | undefined;
  const ticketLink = (id: string): RecordLink | undefined => {
    byId ??= new Map(tickets.map((ticket) => [ticket.id, ticket]));
    const ticket = byId.get(id);
    return ticket === undefined
      ? undefined
      : { path: `/tickets/${ticket.id}`, label: `工单：${ticket.title}` };
  };
  return {
    get: (id) => records.get(id) ?? ticketLink(id),
    has: (id) => records.has(id) || ticketLink(id) !== undefined,
  };
}

/** How many pressing obligations the page lists. */
export const PRESSING_LISTED = 12;

/**
 * The first PRESSING_LISTED by `latestFirst`, kept in one pass: a year of breached clocks is too
 * many to sort for the dozen the page lists.
 */
export function mostPressing(obligations: readonly Obligation[]): {
  pressing: Obligation[];
  pressingTotal: number;
} {
  const pressing: Obligation[] = [];
  let pressingTotal = 0;
  for (const obligation of obligations) {
    if (!PRESSING.has(obligation.state)) continue;
    pressingTotal += 1;
    const last = pressing[pressing.length - 1];
    if (pressing.length === PRESSING_LISTED && last !== undefined && latestFirst(obligation, last) >= 0)
      continue;
    let at = pressing.length;
    while (at > 0 && latestFirst(obligation, pressing[at - 1] as Obligation) < 0) at -= 1;
    pressing.splice(at, 0, obligation);
    if (pressing.length > PRESSING_LISTED) pressing.pop();
  }
  return { pressing, pressingTotal };
}

const PRESSING: ReadonlySet<ObligationState> = new Set(['broken', 'overdue', 'at_risk']);

/**
 * Broken, then overdue, then at risk; within each the latest due first: a clock breached twenty
 * minutes ago matters more to the lead than a check missed in June, which the heat map still shows.
 */
function latestFirst(a: Obligation, b: Obligation): number {
  const rank = STATE_RANK[a.state] - STATE_RANK[b.state];
  if (rank !== 0) return rank;
  return (b.dueAt ?? 0) - (a.dueAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
