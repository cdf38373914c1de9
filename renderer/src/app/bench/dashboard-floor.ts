import type { RecordType } from '@core/records';
import type {
  DutyAssignment,
  DutyLog,
  DutySwap,
  OnSiteDay,
  ReportSubmission,
  SensitivePeriod,
  Training,
  Visit,
} from '@core/records/kinds';
import { dashboardFigures, dashboardYear } from '../../features/dashboard/dashboard-figures';
import { digestsAt, readDigestSource } from '../../features/tickets/ticket-digest-store';
import type { YunweiDatabase } from '../../store';
import { plainRowsOfType } from '../../store/kinds/plain-store-kind';

async function plain<T>(db: YunweiDatabase, type: RecordType): Promise<T[]> {
  return (await plainRowsOfType(db, type).toArray()).map((row) => row.record as T);
}

/**
 * bench/dashboard's floor: the records the dashboard draws read from this store and its figures
 * computed, with no page around them (no React, no charts), for the whole contract. Milliseconds: in
 * all, reading the store, judging the live tickets' clocks, and the figures.
 */
export async function timeDashboardFloor(
  db: YunweiDatabase,
  now: number,
): Promise<{ totalMs: number; readMs: number; liveMs: number; figuresMs: number }> {
  const started = performance.now();
  const year = dashboardYear(now);
  const [
    source,
    runs,
    templates,
    trainings,
    visits,
    onSiteDays,
    assignments,
    swaps,
    logs,
    periods,
    submissions,
  ] = await Promise.all([
    readDigestSource(
      db,
      { fromMonth: year.from.slice(0, 7), toMonth: year.to.slice(0, 7), subsystemIds: null },
      now,
    ),
    db.inspectionRuns.toArray(),
    db.inspectionTemplates.toArray(),
    plain<Training>(db, 'training'),
    plain<Visit>(db, 'visit'),
    plain<OnSiteDay>(db, 'onsite_day'),
    plain<DutyAssignment>(db, 'duty_assignment'),
    plain<DutySwap>(db, 'duty_swap'),
    plain<DutyLog>(db, 'duty_log'),
    plain<SensitivePeriod>(db, 'sensitive_period'),
    plain<ReportSubmission>(db, 'report_submission'),
  ]);
  const read = performance.now();
  const tickets = digestsAt(source, db.slaRules, now);
  const judged = performance.now();
  dashboardFigures(
    {
      tickets,
      runs: runs.map((row) => row.record),
      templates: templates.map((row) => row.record),
      trainings: trainings,
      visits: visits,
      onSiteDays: onSiteDays,
      dutyAssignments: assignments,
      dutySwaps: swaps,
      dutyLogs: logs,
      sensitivePeriods: periods,
      reportSubmissions: submissions,
    },
    db.slaRules,
    { subsystemIds: null, unitIds: null },
    now,
  );
  const done = performance.now();
  return { totalMs: done - started, readMs: read - started, liveMs: judged - read, figuresMs: done - judged };
}
