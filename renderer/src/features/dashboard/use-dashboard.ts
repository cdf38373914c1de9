import { describeScope } from '@core/auth';
import { obligationScopeOf } from '@core/obligations';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDatabase, usePlainRecordLists, usePlainRecords, useSlaRules } from '../../store';
import { useTemplateCatalogue } from '../inspections/use-inspection-data';
import { sessionScope, useSession } from '../session';
import { digestsAt, readDigestSource } from '../tickets/ticket-digest-store';
import { useNow } from '../today/use-now';
import { type DashboardFigures, dashboardFigures, dashboardYear } from './dashboard-figures';

/** The User Timing entry of each computation of the figures (bench/dashboard reads it). */
export const FIGURES_MEASURE = 'yunwei:dashboard-figures';

export interface DashboardState {
  readonly figures: DashboardFigures | undefined;
  readonly error: Error | null;
  /** Whose dashboard: 项目负责人, 驻场工程师（运维子项 1、5）…; 本机用户 for a name on this PC. */
  readonly scopeText: string;
  readonly now: number;
}

/**
 * The dashboard's records from this PC's store (offline like every page) and the figures over them,
 * for the signed-in user's scope. Cached under the types' query keys, so a save or a sync redraws it;
 * the figures are recomputed each minute, when the clocks move.
 */
export function useDashboard(): DashboardState {
  const db = useDatabase();
  const rules = useSlaRules();
  const session = useSession();
  const now = useNow();
  const catalogue = useTemplateCatalogue();
  const userScope = sessionScope(session);
  // A name on this PC answers to no server and sees every subsystem, as the lead does.
  const scope = useMemo(
    () => obligationScopeOf(sessionScope(session) ?? { role: 'project_lead' }, rules.profile),
    [session, rules.profile],
  );
  const year = dashboardYear(now);
  // The year's tickets as digests (tickets/ticket-digest-store.ts): a year of tickets is ~150 rows,
  // not every ticket; only those whose clocks run are read whole, and judged at each minute below.
  const tickets = useQuery({
    queryKey: ['tickets', db.name, 'dashboard', year.from, scope.subsystemIds],
    queryFn: () =>
      readDigestSource(
        db,
        { fromMonth: year.from.slice(0, 7), toMonth: year.to.slice(0, 7), subsystemIds: scope.subsystemIds },
        Date.now(),
      ),
  });
  const runs = useQuery({
    queryKey: ['inspectionRuns', db.name, 'dashboard'],
    queryFn: async () => (await db.inspectionRuns.toArray()).map((row) => row.record),
  });
  const { lists, error: listsError } = usePlainRecordLists();
  const submissions = usePlainRecords('reportSubmission');
  const templates = catalogue.data?.all;
  const figures = useMemo(() => {
    if (
      tickets.data === undefined ||
      runs.data === undefined ||
      templates === undefined ||
      lists === undefined ||
      submissions.data === undefined
    ) {
      return undefined;
    }
    const source = tickets.data;
    const reportSubmissions = submissions.data;
    return timed(() =>
      dashboardFigures(
        { tickets: digestsAt(source, rules, now), runs: runs.data, templates, ...lists, reportSubmissions },
        rules,
        scope,
        now,
      ),
    );
  }, [tickets.data, runs.data, templates, lists, submissions.data, rules, scope, now]);
  const error =
    [tickets, runs, submissions].find((query) => query.error !== null)?.error ??
    listsError ??
    catalogue.error ??
    null;
  return {
    figures,
    error,
    scopeText: userScope === null ? '本机用户（全部运维子项）' : describeScope(userScope),
    now,
  };
}

/**
 * Records the computation as a User Timing measure, so the bench tells the figures' cost apart from
 * the first render's; the result is the computation's own.
 */
function timed<T>(compute: () => T): T {
  const started = performance.now();
  const result = compute();
  performance.measure(FIGURES_MEASURE, { start: started, end: performance.now() });
  return result;
}
