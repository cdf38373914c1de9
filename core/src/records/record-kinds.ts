import { inspectionRunKind, inspectionTemplateKind } from './inspection-kinds';
import { dutyAssignmentKind, dutyLogKind, dutySwapKind, sensitivePeriodKind } from './kinds/duty-kinds';
import { onsiteDayKind } from './kinds/onsite-kind';
import { reminderReceiptKind } from './kinds/reminder-receipt-kind';
import { reportRemarkKind } from './kinds/report-remark-kind';
import { reportSubmissionKind } from './kinds/report-submission-kind';
import { trainingKind } from './kinds/training-kind';
import { visitKind } from './kinds/visit-kind';
import { RECORD_TYPES, type RecordType } from './record-envelope';
import type { RecordKind } from './record-kind';
import { ticketKind } from './ticket-kind';

export type { BlobField, DerivedField, OwnerField, RecordKind, RecordScopeRule } from './record-kind';

/*
 * One registration per record type: everything the server, the store, sync and the test doubles need
 * to know about a type that is not its schema's own business. Code that treats types differently reads
 * a descriptor here (or switches exhaustively over RecordType), so a new type that is not registered
 * does not compile, instead of silently failing to upload its photos or to be written by a pull.
 */

/**
 * Every type's descriptor, each beside its schema (ticket-kind.ts, inspection-kinds.ts, kinds/*-kind.ts):
 * a mapped type, so a type in RECORD_TYPES without one does not compile.
 */
export const RECORD_KINDS: { readonly [T in RecordType]: RecordKind & { readonly type: T } } = {
  ticket: ticketKind,
  inspection_template: inspectionTemplateKind,
  inspection_run: inspectionRunKind,
  training: trainingKind,
  sensitive_period: sensitivePeriodKind,
  duty_assignment: dutyAssignmentKind,
  duty_swap: dutySwapKind,
  duty_log: dutyLogKind,
  visit: visitKind,
  onsite_day: onsiteDayKind,
  reminder_receipt: reminderReceiptKind,
  report_remark: reportRemarkKind,
  report_submission: reportSubmissionKind,
};

export function recordKind(recordType: RecordType): RecordKind {
  return RECORD_KINDS[recordType];
}

/** Each type's label, for code that only needs the words. */
export const RECORD_TYPE_LABELS = Object.fromEntries(
  RECORD_TYPES.map((recordType) => [recordType, RECORD_KINDS[recordType].label]),
) as Readonly<Record<RecordType, string>>;
