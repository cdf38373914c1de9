import type { ReportRecords } from '@core/reports';
import type { InspectionRun, InspectionTemplate, RecordType, Ticket } from '@core/records';
import type {
  DutyAssignment,
  DutyLog,
  DutySwap,
  OnSiteDay,
  ReportRemark,
  SensitivePeriod,
  Training,
  Visit,
} from '@core/records/kinds';
import { recordValues } from '@core/sync/merge';
import type { Queryable } from '../db/database';
import { RECORD_SCHEMAS } from '../sync/record-schemas';
import { FIELDS_OF_RECORD, fieldStatesFromJson } from '../sync/record-store';

/** A stored record that does not make a whole record of its kind (e.g. a half-synced one). */
export interface UnreadableRecord {
  readonly recordType: RecordType;
  readonly reason: string;
}

export interface LoadedReportRecords {
  readonly records: ReportRecords;
  readonly unreadable: readonly UnreadableRecord[];
}

const REPORTED_TYPES: readonly RecordType[] = [
  'ticket',
  'inspection_template',
  'inspection_run',
  'training',
  'sensitive_period',
  'duty_assignment',
  'duty_swap',
  'duty_log',
  'visit',
  'onsite_day',
  'report_remark',
];

/**
 * Every synced record a document is made from, as the merge of its field states, checked against its
 * schema. Records of subsystems out of scope are read too: the figures choose by scope, so that the
 * server's and the app's documents count alike (a record of no subsystem is contract-wide duty; visits
 * are the document system's).
 */
export async function loadReportRecords(db: Queryable): Promise<LoadedReportRecords> {
  const { rows } = await db.query<{ recordType: RecordType; fields: string | null }>(
    `select r.record_type as "recordType", ${FIELDS_OF_RECORD} as fields
     from sync_records r
     where r.record_type = any($1::text[])`,
    [REPORTED_TYPES],
  );
  const tickets: Ticket[] = [];
  const inspectionTemplates: InspectionTemplate[] = [];
  const inspectionRuns: InspectionRun[] = [];
  const trainings: Training[] = [];
  const sensitivePeriods: SensitivePeriod[] = [];
  const dutyAssignments: DutyAssignment[] = [];
  const dutySwaps: DutySwap[] = [];
  const dutyLogs: DutyLog[] = [];
  const visits: Visit[] = [];
  const onSiteDays: OnSiteDay[] = [];
  const reportRemarks: ReportRemark[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (const row of rows) {
    if (row.fields === null) continue;
    const parsed = RECORD_SCHEMAS[row.recordType].record.safeParse(
      recordValues(fieldStatesFromJson(row.fields)),
    );
    if (!parsed.success) {
      unreadable.push({
        recordType: row.recordType,
        reason: parsed.error.issues[0]?.message ?? '内容不完整',
      });
      continue;
    }
    // Exhaustive, so a type added to REPORTED_TYPES is never counted as another.
    switch (row.recordType) {
      case 'ticket':
        tickets.push(parsed.data as Ticket);
        break;
      case 'inspection_template':
        inspectionTemplates.push(parsed.data as InspectionTemplate);
        break;
      case 'inspection_run':
        inspectionRuns.push(parsed.data as InspectionRun);
        break;
      case 'training':
        trainings.push(parsed.data as Training);
        break;
      case 'sensitive_period':
        sensitivePeriods.push(parsed.data as SensitivePeriod);
        break;
      case 'duty_assignment':
        dutyAssignments.push(parsed.data as DutyAssignment);
        break;
      case 'duty_swap':
        dutySwaps.push(parsed.data as DutySwap);
        break;
      case 'duty_log':
        dutyLogs.push(parsed.data as DutyLog);
        break;
      case 'visit':
        visits.push(parsed.data as Visit);
        break;
      case 'onsite_day':
        onSiteDays.push(parsed.data as OnSiteDay);
        break;
      case 'report_remark':
        reportRemarks.push(parsed.data as ReportRemark);
        break;
      // A reminder's receipt or a report's hand-in is no acceptance record; the query leaves them out.
      case 'reminder_receipt':
      case 'report_submission':
        break;
    }
  }
  return {
    records: {
      tickets,
      inspectionTemplates,
      inspectionRuns,
      trainings,
      sensitivePeriods,
      dutyAssignments,
      dutySwaps,
      dutyLogs,
      visits,
      onSiteDays,
      reportRemarks,
    },
    unreadable,
  };
}
