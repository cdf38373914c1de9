import {
  RECORD_KINDS as CORE_RECORD_KINDS,
  type InspectionRun,
  type InspectionTemplate,
  type RecordType,
  type Ticket,
} from '@core/records';
import type {
  DutyAssignment,
  DutyLog,
  DutySwap,
  OnSiteDay,
  ReminderReceipt,
  ReportRemark,
  ReportSubmission,
  SensitivePeriod,
  Training,
  Visit,
} from '@core/records/kinds';
import type { z } from 'zod';

/** The records the store persists, by the names the renderer uses. */
export interface StoredRecords {
  ticket: Ticket;
  inspectionTemplate: InspectionTemplate;
  inspectionRun: InspectionRun;
  training: Training;
  sensitivePeriod: SensitivePeriod;
  dutyAssignment: DutyAssignment;
  dutySwap: DutySwap;
  dutyLog: DutyLog;
  visit: Visit;
  onSiteDay: OnSiteDay;
  reminderReceipt: ReminderReceipt;
  reportRemark: ReportRemark;
  reportSubmission: ReportSubmission;
}
export type StoreRecordType = keyof StoredRecords;
export type AnyStoredRecord = StoredRecords[StoreRecordType];

interface RecordKind {
  /** The type name history rows and outbox ops carry (core RECORD_TYPES, shared with the server). */
  readonly coreType: RecordType;
  readonly schema: z.ZodType;
  /** For messages: 工单, 巡检模板, 巡检记录. */
  readonly label: string;
  /** The query key the UI caches the type's records under; a save or sync of the type invalidates it. */
  readonly queryKey: string;
}

function kindOf(coreType: RecordType, queryKey: string): RecordKind {
  const { schema, label } = CORE_RECORD_KINDS[coreType];
  return { coreType, schema, label, queryKey };
}

/** Each store type's core registration (core records/record-kinds.ts) and query key. */
export const RECORD_KINDS: Readonly<Record<StoreRecordType, RecordKind>> = {
  ticket: kindOf('ticket', 'tickets'),
  inspectionTemplate: kindOf('inspection_template', 'inspectionTemplates'),
  inspectionRun: kindOf('inspection_run', 'inspectionRuns'),
  training: kindOf('training', 'trainings'),
  sensitivePeriod: kindOf('sensitive_period', 'sensitivePeriods'),
  dutyAssignment: kindOf('duty_assignment', 'dutyAssignments'),
  dutySwap: kindOf('duty_swap', 'dutySwaps'),
  dutyLog: kindOf('duty_log', 'dutyLogs'),
  visit: kindOf('visit', 'visits'),
  onSiteDay: kindOf('onsite_day', 'onSiteDays'),
  reminderReceipt: kindOf('reminder_receipt', 'reminderReceipts'),
  reportRemark: kindOf('report_remark', 'reportRemarks'),
  reportSubmission: kindOf('report_submission', 'reportSubmissions'),
};

/** The store's record types, for lists that must name every one (the cross-window broadcast). */
export const STORE_RECORD_TYPES = Object.keys(RECORD_KINDS) as readonly StoreRecordType[];

/** The store's name of each core record type (pulled records and outbox ops carry the core name). */
export const STORE_TYPE_OF = Object.fromEntries(
  STORE_RECORD_TYPES.map((storeType) => [RECORD_KINDS[storeType].coreType, storeType]),
) as Readonly<Record<RecordType, StoreRecordType>>;
