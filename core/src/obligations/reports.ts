import type { ReportObligation } from '../profile/obligations';
import type { Subsystem } from '../profile/subsystem';
import { monthsOfRange } from '../records/kinds/common';
import { dateOf, daysUntil, endOfDate, endOfMonthsFrom, lastDayOfMonth } from './dates';
import type { NotTracked, Obligation, ObligationContext, ObligationState } from './obligation';

/** A report due within this many days (or today) is at risk: the "due in 3 days" reminder. */
export const REPORT_AT_RISK_DAYS = 3;

const NOT_RECORDED = '应用内不记录报送，交付后请人工核对';

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

function dueState(context: ObligationContext, date: string): ObligationState {
  return daysUntil(context.now, endOfDate(date)) <= REPORT_AT_RISK_DAYS ? 'at_risk' : 'due';
}

/**
 * The next due day of each dated report of the subsystems (the 10th, 16th and 26th of subsystem 10,
 * month ends, the year's end, the acceptance dates). The app keeps no record of a report handed in,
 * so a report is never shown as met or missed: it is due, or at risk within 3 days of its day.
 */
export function reportObligations(
  subsystems: readonly Subsystem[],
  context: ObligationContext,
): Obligation[] {
  const today = dateOf(context.now);
  return subsystems.flatMap((subsystem) =>
    subsystem.reports.flatMap((report): Obligation[] => {
      const dates = reportDueDates(report, context);
      const date = dates === null ? undefined : nextDue(dates, today);
      if (date === undefined) return [];
      return [
        {
          id: `report:${report.id}:${date}`,
          kind: 'report',
          subsystemId: subsystem.id,
          unitId: null,
          title: `${subsystem.shortName}：${report.title}`,
          state: dueState(context, date),
          dueAt: endOfDate(date),
          detail: `${date} 前报送${report.covers === undefined ? '' : `（${report.covers}）`}；${NOT_RECORDED}`,
          recordIds: [],
          clause: report.clause ?? null,
        },
      ];
    }),
  );
}

/** The next acceptance of the contract and the documents it asks for. */
export function acceptanceObligations(context: ObligationContext): Obligation[] {
  const { acceptance } = context.profile.contract;
  const date = nextDue(acceptanceDates(context), dateOf(context.now));
  if (date === undefined) return [];
  return [
    {
      id: `acceptance:${date}`,
      kind: 'acceptance',
      subsystemId: null,
      unitId: null,
      title: `${date} 验收`,
      state: dueState(context, date),
      dueAt: endOfDate(date),
      detail: `验收须提交${acceptance.documents.map((name) => `《${name}》`).join('、')}；${NOT_RECORDED}`,
      recordIds: [],
      clause: acceptance.clause ?? null,
    },
  ];
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
