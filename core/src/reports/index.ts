export {
  type ReportBlock,
  type ReportChart,
  type ReportColumn,
  type ReportDocument,
  type ReportFigure,
  type ReportKind,
  type ReportParagraph,
  type ReportSection,
  type ReportTable,
  REPORT_KIND_TITLES,
  REPORT_KINDS,
} from './document-model';
export {
  type ReportRecords,
  type ReportRequest,
  buildLedgers,
  buildReport,
  reportAsOf,
  reportSubtitle,
} from './build-report';
export { formatDateTime, formatDuration, formatRate } from './format';
export {
  type FailedItem,
  type ScheduleCompletion,
  currentTemplates,
  failedItems,
  inspectionCompletion,
  inspectionDaysInPeriod,
  runsInPeriod,
} from './inspection-figures';
export { type Ledger, inspectionLedger, subsystemName, ticketLedger } from './ledgers';
export {
  type DutyDayRow,
  type DutyFigures,
  type KindRecords,
  type OnSiteRow,
  type TrainingFigures,
  type TrainingRow,
  type VisitFigures,
  dutyFigures,
  dutyScopes,
  onSiteFigures,
  trainingFigures,
  visitFigures,
} from './record-figures';
export { dutyLedger, trainingLedger, visitLedger } from './record-sections';
export {
  type ReportPeriod,
  type ReportScope,
  WHOLE_CONTRACT,
  chineseDate,
  monthPeriod,
  periodLabel,
  reportPeriod,
} from './period';
export {
  type ClockCompliance,
  type ClockOutcome,
  type MeanTimeToResolve,
  type Resolution,
  type ResolutionRate,
  type SlaBreach,
  type TicketFigureContext,
  clockOutcome,
  meanTimeToResolve,
  meanTimeToResolveOf,
  overallCompliance,
  resolutionRate,
  resolutionRateOf,
  resolvedAt,
  slaBreaches,
  slaCompliance,
  slaComplianceOf,
  ticketsByCategory,
  ticketsByChannel,
  ticketsBySeverity,
  ticketsInPeriod,
  ticketsReceivedIn,
} from './ticket-figures';
export { type ClockDigest, type TicketDigest, ticketDigest, ticketDigests } from './ticket-digest';
export { PROFILE_TEMPLATE_AUTHOR, withProfileTemplates } from './profile-templates';
