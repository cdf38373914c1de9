import type { InspectionRun, InspectionTemplate, Ticket } from '@core/records';
import type { KindRecords, ReportRecords } from '@core/reports';

/** A stored row of the tickets or inspection-runs table: the record is kept whole beside its indexes. */
interface StoredRow<T> {
  readonly record: T;
}

/**
 * The records a document is made from, as this PC's store keeps them: tickets and inspection runs from
 * their tables, the checklists as 巡检 shows them (the stored versions with the contract profile's
 * version 1 of each checklist the store lacks, so runs filled against those are counted and named),
 * and every list of the other kinds (trainings, duty, visits, on-site days), so a document never
 * counts a kind as having none because it was left out, and the engineers' remarks on monthly reports. Records of subsystems outside the chosen
 * scope stay in: the figures choose by scope, as on the server, so the two documents count alike.
 */
export function reportRecordsOf(
  tickets: readonly StoredRow<Ticket>[],
  runs: readonly StoredRow<InspectionRun>[],
  templates: readonly InspectionTemplate[],
  kinds: Required<KindRecords> & Pick<Required<ReportRecords>, 'reportRemarks'>,
): ReportRecords {
  return {
    ...kinds,
    tickets: tickets.map((row) => row.record),
    inspectionTemplates: templates,
    inspectionRuns: runs.map((row) => row.record),
  };
}
