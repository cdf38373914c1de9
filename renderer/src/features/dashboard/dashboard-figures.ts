import type { WorkingCalendar } from '@core/calendar';
import {
  type ChartModel,
  inspectionDays,
  inspectionHeatmapChart,
  openTicketsChart,
  slaComplianceChart,
} from '@core/charts';
import {
  type ContractObligations,
  type Obligation,
  type ObligationScope,
  type ObligationState,
  OBLIGATION_STATES,
  contractObligations,
} from '@core/obligations';
import type { ContractProfile } from '@core/profile';
import type { InspectionRun, InspectionTemplate, Ticket } from '@core/records';
import type { DateRange } from '@core/records/kinds';
import { monthPeriod, reportPeriod, slaBreaches, slaCompliance, ticketsInPeriod } from '@core/reports';
import { type Instant, dayNumberOf, dayNumberToIsoDate } from '@core/time/shanghai-time';

/** The records the dashboard draws from, as this PC's store holds them. */
export interface DashboardRecords {
  readonly tickets: readonly Ticket[];
  readonly templates: readonly InspectionTemplate[];
  readonly runs: readonly InspectionRun[];
}

/** Where a record id of a chart leads, and what a list of them calls it. */
export interface RecordLink {
  readonly path: string;
  readonly label: string;
}

export interface DashboardFigures {
  readonly contractYear: DateRange;
  readonly obligations: ContractObligations;
  readonly counts: Readonly<Record<ObligationState, number>>;
  /** Broken, overdue and at-risk obligations, most pressing first. */
  readonly pressing: readonly Obligation[];
  /** Reports and acceptances, by due day. */
  readonly comingDue: readonly Obligation[];
  readonly slaMonth: ChartModel;
  readonly slaYear: ChartModel;
  readonly openTickets: ChartModel;
  readonly inspections: ChartModel;
  readonly links: ReadonlyMap<string, RecordLink>;
}

/**
 * The contract year the dashboard shows. The profile has the term's length but no start date, and the
 * contract runs by calendar year (服务周期一年, budgets per year), so it is the calendar year of `now`.
 */
export function dashboardYear(now: Instant): DateRange {
  const year = dayNumberToIsoDate(dayNumberOf(now)).slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Everything the page draws, from the records in scope: the obligations and the charts over the
 * documents' own figures (SLA compliance this month and this year, open tickets by age, the daily
 * inspections). Pure, so it is tested and measured without a page.
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
  const tickets = records.tickets.filter((ticket) => inScope(ticket.subsystemId));
  const templates = records.templates.filter((template) => inScope(template.subsystemId));
  const obligations = contractObligations(
    {
      tickets,
      inspectionTemplates: templates,
      inspectionRuns: records.runs,
      trainings: [],
      dutyAssignments: [],
      dutySwaps: [],
      dutyLogs: [],
      sensitivePeriods: [],
      visits: [],
      onSiteDays: [],
    },
    { profile, calendar, contractYear, now, scope },
  );
  const shown = obligations.obligations.filter((obligation) => SHOWN_KINDS.has(obligation.kind));
  const counts = Object.fromEntries(
    OBLIGATION_STATES.map((state) => [
      state,
      shown.filter((obligation) => obligation.state === state).length,
    ]),
  ) as Record<ObligationState, number>;

  const figureContext = { profile, calendar, asOf: now };
  const whole = { subsystemIds: [] };
  const ofYear = ticketsInPeriod(tickets, reportPeriod(contractYear.from, contractYear.to), whole);
  const month = dayNumberToIsoDate(dayNumberOf(now)).slice(0, 7);
  const ofMonth = ticketsInPeriod(tickets, monthPeriod(month), whole);
  const breaches = slaBreaches(ofYear, figureContext);
  const monthIds = new Set(ofMonth.map((ticket) => ticket.id));

  const risky = new Set(
    shown
      .filter(
        (obligation) =>
          obligation.kind === 'ticket_clock' && obligation.state !== 'met' && obligation.state !== 'due',
      )
      .flatMap((obligation) => obligation.recordIds),
  );

  const links = new Map<string, RecordLink>();
  for (const ticket of tickets)
    links.set(ticket.id, { path: `/tickets/${ticket.id}`, label: `工单：${ticket.title}` });
  const templateNames = new Map(templates.map((template) => [template.templateId, template.name]));
  for (const run of records.runs) {
    links.set(run.id, {
      path: `/inspections/run/${run.id}`,
      label: `巡检：${templateNames.get(run.templateId) ?? run.templateId} ${run.scheduledFor ?? ''}`.trim(),
    });
  }

  return {
    contractYear,
    obligations,
    counts,
    pressing: shown.filter((obligation) => PRESSING.has(obligation.state)),
    comingDue: shown
      .filter((obligation) => obligation.kind === 'report' || obligation.kind === 'acceptance')
      .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0)),
    slaMonth: slaComplianceChart(
      slaCompliance(ofMonth, figureContext),
      breaches.filter((breach) => monthIds.has(breach.ticket.id)),
      profile,
      `${Number(month.slice(5))}月 SLA 达标率`,
    ),
    slaYear: slaComplianceChart(
      slaCompliance(ofYear, figureContext),
      breaches,
      profile,
      `${contractYear.from.slice(0, 4)}年度 SLA 达标率`,
    ),
    openTickets: openTicketsChart(tickets, risky, profile, now),
    inspections: inspectionHeatmapChart(inspectionDays(shown), contractYear),
    links,
  };
}

/**
 * The kinds drawn from the records this page reads. Trainings, duty, visits and on-site days wait for
 * the store's queries of those records; until then their obligations would all read as unmet.
 */
const SHOWN_KINDS: ReadonlySet<Obligation['kind']> = new Set([
  'ticket_clock',
  'inspection',
  'report',
  'acceptance',
  'target',
]);

const PRESSING: ReadonlySet<ObligationState> = new Set(['broken', 'overdue', 'at_risk']);
