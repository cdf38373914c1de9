import type { ReportRecords } from '@core/reports';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useDatabase, usePlainRecordLists, usePlainRecords } from '../../store';
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
  const { lists, error: listsError } = usePlainRecordLists();
  const remarks = usePlainRecords('reportRemark');
  const templates = catalogue.data?.all;
  const records = useMemo(() => {
    if (
      tickets.data === undefined ||
      runs.data === undefined ||
      templates === undefined ||
      lists === undefined ||
      remarks.data === undefined
    ) {
      return undefined;
    }
    return reportRecordsOf(tickets.data, runs.data, templates, { ...lists, reportRemarks: remarks.data });
  }, [tickets.data, runs.data, templates, lists, remarks.data]);
  const error =
    [tickets, runs, remarks].find((query) => query.error !== null)?.error ??
    listsError ??
    catalogue.error ??
    null;
  return { records, error };
}
