import type { ReportObligation } from '../profile/obligations';
import type { Subsystem } from '../profile/subsystem';
import { monthsOfRange } from '../records/kinds/common';
import type { ReportSubmission } from '../records/kinds/report-submission';
import { formatDateTime } from '../reports/format';
import { dateOf, daysUntil, endOfDate, endOfMonthsFrom, lastDayOfMonth } from './dates';
import type { NotTracked, Obligation, ObligationContext } from './obligation';

/** A report due within this many days (or today) is at risk: the "due in 3 days" reminder. */
export const REPORT_AT_RISK_DAYS = 3;

const HOW_TO_RECORD = '报送后请在“项目总览”标记为已提交';

/**
 * The acceptance dates of the contract year: the last day of every `intervalMonths` from its start
 * (half-yearly: 2026-06-30 and 2026-12-31 for a year from 2026-01-01), within the year.
 */
export function acceptanceDates(context: ObligationContext): string[] {
  const interval = context.profile.contract.acceptance.intervalMonths;
  const dates: string[] = [];
  for (let count = interval; ; count += interval) {
    const date = endOfMonthsFrom(context.contractYear.from, count);
    if (date > context.contractYear.to) break;
    dates.push(date);
  }
  return dates;
}

/** The days a report of the profile falls due in the contract year, or null where it has none. */
export function reportDueDates(report: ReportObligation, context: ObligationContext): string[] | null {
  const year = context.contractYear;
  switch (report.frequency) {
    case 'monthly':
      return monthsOfRange(year)
        .map((month) =>
          report.dueDay === undefined
            ? lastDayOfMonth(month)
            : `${month}-${String(report.dueDay).padStart(2, '0')}`,
        )
        .filter((date) => date >= year.from && date <= year.to);
    case 'yearly':
      return [year.to];
    case 'acceptance':
      return acceptanceDates(context);
    case 'periodic':
    case 'on-event':
      return null;
  }
}

function nextDue(dates: readonly string[], today: string): string | undefined {
  return dates.find((date) => date >= today);
}

/**
 * The occasions of a report shown at `today`: the last one whose day has passed (met or broken, so a
 * report handed in late or not at all stays in sight until its next day) and the next one.
 */
function shownOccasions(dates: readonly string[], today: string): string[] {
  const previous = dates.filter((date) => date < today).at(-1);
  const next = nextDue(dates, today);
  return [previous, next].filter((date): date is string => date !== undefined);
}

/** The undeleted hand-ins by obligation id; the earliest counts when PCs wrote more than one. */
function submissionsById(submissions: readonly ReportSubmission[]): ReadonlyMap<string, ReportSubmission> {
  const byId = new Map<string, ReportSubmission>();
  for (const submission of submissions) {
    if (submission.deleted) continue;
    const known = byId.get(submission.obligationId);
    if (known === undefined || submission.submittedAt < known.submittedAt) {
      byId.set(submission.obligationId, submission);
    }
  }
  return byId;
}

/**
 * Where one occasion stands: handed in by the end of its day, met; handed in after it, or its day over
 * with nothing handed in, broken; otherwise due, or at risk within 3 days of its day.
 */
function occasionState(
  context: ObligationContext,
  date: string,
  submission: ReportSubmission | undefined,
  due: string,
): Pick<Obligation, 'state' | 'detail' | 'recordIds'> {
  const end = endOfDate(date);
  if (submission !== undefined) {
    const note = submission.note === '' ? '' : `（${submission.note}）`;
    const when = `${formatDateTime(submission.submittedAt)} 由 ${submission.submittedBy} 标记为已提交${note}`;
    return submission.submittedAt < end
      ? { state: 'met', detail: `${due}；已于 ${when}`, recordIds: [submission.id] }
      : { state: 'broken', detail: `${due}；逾期报送：${when}`, recordIds: [submission.id] };
  }
  if (context.now >= end) return { state: 'broken', detail: `${due}；到期未报送`, recordIds: [] };
  return {
    state: daysUntil(context.now, end) <= REPORT_AT_RISK_DAYS ? 'at_risk' : 'due',
    detail: `${due}；${HOW_TO_RECORD}`,
    recordIds: [],
  };
}

/**
 * The dated reports of the subsystems (the 10th, 16th and 26th of subsystem 10, month ends, the year's
 * end, the acceptance dates): per report its last occasion past and its next, each met when handed in
 * by the end of its day (a `report_submission` naming it), broken when handed in later or not by then,
 * else due, or at risk within 3 days of its day.
 */
export function reportObligations(
  subsystems: readonly Subsystem[],
  context: ObligationContext,
  submissions: readonly ReportSubmission[] = [],
): Obligation[] {
  const today = dateOf(context.now);
  const handedIn = submissionsById(submissions);
  return subsystems.flatMap((subsystem) =>
    subsystem.reports.flatMap((report): Obligation[] => {
      const dates = reportDueDates(report, context);
      if (dates === null) return [];
      return shownOccasions(dates, today).map((date) => {
        const id = `report:${report.id}:${date}`;
        const due = `${date} 前报送${report.covers === undefined ? '' : `（${report.covers}）`}`;
        return {
          id,
          kind: 'report',
          subsystemId: subsystem.id,
          unitId: null,
          title: `${subsystem.shortName}：${report.title}`,
          ...occasionState(context, date, handedIn.get(id), due),
          dueAt: endOfDate(date),
          clause: report.clause ?? null,
        };
      });
    }),
  );
}

/** The contract's last acceptance past and its next, and the documents each asks for. */
export function acceptanceObligations(
  context: ObligationContext,
  submissions: readonly ReportSubmission[] = [],
): Obligation[] {
  const { acceptance } = context.profile.contract;
  const handedIn = submissionsById(submissions);
  return shownOccasions(acceptanceDates(context), dateOf(context.now)).map((date) => {
    const id = `acceptance:${date}`;
    const due = `验收须提交${acceptance.documents.map((name) => `《${name}》`).join('、')}`;
    return {
      id,
      kind: 'acceptance',
      subsystemId: null,
      unitId: null,
      title: `${date} 验收`,
      ...occasionState(context, date, handedIn.get(id), due),
      dueAt: endOfDate(date),
      clause: acceptance.clause ?? null,
    };
  });
}

export function untrackedReports(subsystem: Subsystem): NotTracked[] {
  return subsystem.reports.flatMap((report): NotTracked[] => {
    if (report.frequency === 'periodic') {
      return [
        {
          source: `运维子项 ${subsystem.id} · 报告`,
          subsystemId: subsystem.id,
          text: report.title,
          reason: '招标文件只写“定期”，未规定报送间隔，没有到期日可核对',
        },
      ];
    }
    if (report.frequency === 'on-event') {
      return [
        {
          source: `运维子项 ${subsystem.id} · 报告`,
          subsystemId: subsystem.id,
          text: report.title,
          reason: `发生时报送（${report.trigger ?? '事件发生时'}），没有预先的到期日`,
        },
      ];
    }
    return [];
  });
}
