import type { InspectionRun, InspectionTemplate, Ticket } from '@core/records';
import type { ReportRecords } from '@core/reports';

/** A stored row of the tickets or inspection-runs table: the record is kept whole beside its indexes. */
interface StoredRow<T> {
  readonly record: T;
}

/**
 * The records a document is made from, as this PC's store keeps them: tickets and inspection runs from
 * their tables, and the checklists as 巡检 shows them (the stored versions with the contract profile's
 * version 1 of each checklist the store lacks, so runs filled against those are counted and named).
 * Records of subsystems outside the chosen scope stay in: the figures choose by scope, as on the
 * server, so that the app's and the server's documents count alike.
 */
export function reportRecordsOf(
  tickets: readonly StoredRow<Ticket>[],
  runs: readonly StoredRow<InspectionRun>[],
  templates: readonly InspectionTemplate[],
): ReportRecords {
  return {
    tickets: tickets.map((row) => row.record),
    inspectionTemplates: templates,
    inspectionRuns: runs.map((row) => row.record),
  };
}
