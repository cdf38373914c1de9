/**
 * Record kinds beyond tickets and inspections (issue 14): trainings, duty, visits and on-site days.
 * Schemas and contract checks only; they join RECORD_TYPES, the store and sync through the record-kind
 * registration, not here.
 */
export {
  type DateRange,
  daysOfRange,
  monthLabel,
  monthsOfRange,
  recordDateSchema,
  unscopedEnvelopeShape,
} from './common';
export { contractYearOf } from './contract-year';
export {
  LECTURER_LEVELS,
  LECTURER_LEVEL_LABELS,
  MAX_ATTENDEES,
  MAX_TRAINING_MINUTES,
  TRAINING_DELIVERIES,
  TRAINING_DELIVERY_LABELS,
  attendanceSchema,
  attendeeCount,
  attendeeSchema,
  lecturerLevelSchema,
  satisfactionSurveySchema,
  trainerSchema,
  trainingSchema,
  type Attendance,
  type Attendee,
  type LecturerLevel,
  type SatisfactionSurvey,
  type Trainer,
  type Training,
} from './training';
export {
  checkTraining,
  requiredLecturerLevel,
  requiredMinutes,
  trainingProgress,
  type RequirementProgress,
  type TrainingCheck,
  type UnitProgress,
} from './training-check';
export {
  dutyAssignmentSchema,
  dutyEventSchema,
  dutyLogSchema,
  dutySwapSchema,
  sensitivePeriodSchema,
  type DutyAssignment,
  type DutyEvent,
  type DutyLog,
  type DutySwap,
  type SensitivePeriod,
} from './duty';
export {
  DUTY_DAY_REASON_LABELS,
  dutyDayCovers,
  dutyDays,
  type DutyDay,
  type DutyDayReason,
} from './duty-days';
export {
  DUTY_DAY_STATE_LABELS,
  currentRoster,
  dutiesOf,
  dutyDayStatuses,
  handOverDuty,
  signOffHandOver,
  swapDuty,
  type DutyDayState,
  type DutyDayStatus,
  type DutyLogResult,
  type Roster,
  type RosterEntry,
  type SwapRequest,
} from './duty-roster';
export {
  VISIT_SATISFACTION_LABELS,
  VISIT_SATISFACTION_LEVELS,
  checkVisitUnits,
  personMetSchema,
  unitSatisfactionSchema,
  visitSatisfactionLevelSchema,
  visitSchema,
  type PersonMet,
  type UnitSatisfaction,
  type Visit,
  type VisitSatisfactionLevel,
} from './visit';
export {
  COVERAGE_STATE_LABELS,
  visitCoverage,
  type CoverageCell,
  type CoverageRow,
  type CoverageState,
  type VisitCoverage,
} from './visit-coverage';
export {
  ORDINARY_DAY_HOURS,
  PRESENCES,
  PRESENCE_LABELS,
  onSiteDaySchema,
  ordinaryOnSiteDay,
  presenceSchema,
  type OnSiteDay,
  type OnSiteDayContext,
  type Presence,
} from './onsite';
export {
  onSiteWorkdays,
  stationedHeadcount,
  type HeadcountShortDay,
  type OnSiteWorkdays,
  type StationedHeadcount,
} from './onsite-check';
export { reminderReceiptId, reminderReceiptSchema, type ReminderReceipt } from './reminder-receipt';
export {
  MAX_REMARK_CHARACTERS,
  REPORT_REMARK_SECTIONS,
  REPORT_REMARK_SECTION_LABELS,
  reportMonthSchema,
  reportRemarkId,
  reportRemarkSchema,
  type ReportRemark,
  type ReportRemarkSection,
} from './report-remark';
export { reportSubmissionId, reportSubmissionSchema, type ReportSubmission } from './report-submission';
