import type { ReportRecords } from '@core/reports';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDatabase, usePlainRecords } from '../../store';
import { useTemplateCatalogue } from '../inspections/use-inspection-data';
import { reportRecordsOf } from './report-records';

export interface ReportRecordsState {
  readonly records: ReportRecords | undefined;
  readonly error: Error | null;
}

/**
 * This PC's records for documents, offline. Cached under the types' query keys, so a save or a sync
 * makes the preview again.
 */
export function useReportRecords(): ReportRecordsState {
  const db = useDatabase();
  const catalogue = useTemplateCatalogue();
  const tickets = useQuery({
    queryKey: ['tickets', db.name, 'reports'],
    queryFn: () => db.tickets.toArray(),
  });
  const runs = useQuery({
    queryKey: ['inspectionRuns', db.name, 'reports'],
    queryFn: () => db.inspectionRuns.toArray(),
  });
  const trainings = usePlainRecords('training');
  const visits = usePlainRecords('visit');
  const onSiteDays = usePlainRecords('onSiteDay');
  const dutyAssignments = usePlainRecords('dutyAssignment');
  const dutySwaps = usePlainRecords('dutySwap');
  const dutyLogs = usePlainRecords('dutyLog');
  const sensitivePeriods = usePlainRecords('sensitivePeriod');
  const templates = catalogue.data?.all;
  const records = useMemo(() => {
    if (
      tickets.data === undefined ||
      runs.data === undefined ||
      templates === undefined ||
      trainings.data === undefined ||
      visits.data === undefined ||
      onSiteDays.data === undefined ||
      dutyAssignments.data === undefined ||
      dutySwaps.data === undefined ||
      dutyLogs.data === undefined ||
      sensitivePeriods.data === undefined
    ) {
      return undefined;
    }
    return reportRecordsOf(tickets.data, runs.data, templates, {
      trainings: trainings.data,
      visits: visits.data,
      onSiteDays: onSiteDays.data,
      dutyAssignments: dutyAssignments.data,
      dutySwaps: dutySwaps.data,
      dutyLogs: dutyLogs.data,
      sensitivePeriods: sensitivePeriods.data,
    });
  }, [
    tickets.data,
    runs.data,
    templates,
    trainings.data,
    visits.data,
    onSiteDays.data,
    dutyAssignments.data,
    dutySwaps.data,
    dutyLogs.data,
    sensitivePeriods.data,
  ]);
  const error =
    [
      tickets,
      runs,
      trainings,
      visits,
      onSiteDays,
      dutyAssignments,
      dutySwaps,
      dutyLogs,
      sensitivePeriods,
    ].find((query) => query.error !== null)?.error ??
    catalogue.error ??
    null;
  return { records, error };
}
