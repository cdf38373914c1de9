export {
  type Clock,
  type MinutesClock,
  type WorkdaysClock,
  clockSchema,
  formatClockDuration,
  isMinutesClock,
} from './clock';
export {
  type Commitments,
  type ContractProfile,
  type ContractProfileInput,
  type DocumentSystem,
  type DocumentSystemUnit,
  contractProfileSchema,
  PROFILE_SCHEMA_VERSION,
} from './contract-profile';
export { loadDefaultProfile } from './default-profile';
export {
  type FoundSlaClock,
  type SlaClockSource,
  describeMissingSlaClock,
  findSlaClock,
  findSubsystem,
  UnknownSubsystemError,
} from './find-sla-clock';
export {
  type ChecklistItem,
  type ChecklistItemKind,
  type InspectionFrequency,
  type InspectionPlan,
  type InspectionTemplate,
  CHECKLIST_ITEM_KIND_LABELS,
  CHECKLIST_ITEM_KINDS,
  INSPECTION_FREQUENCIES,
  INSPECTION_FREQUENCY_LABELS,
} from './inspection';
export { type JsonTextProblem, type JsonTextResult, parseJsonText } from './json-text';
export {
  type Quota,
  type ReportFrequency,
  type ReportObligation,
  type Target,
  type TargetComparison,
  type TargetMetric,
  type TrainingRequirement,
  REPORT_FREQUENCIES,
  REPORT_FREQUENCY_LABELS,
  TARGET_COMPARISON_SYMBOLS,
  TARGET_COMPARISONS,
  TARGET_METRIC_LABELS,
  TARGET_METRICS,
} from './obligations';
export { type ProfileIssue, formatPath } from './profile-issues';
export { type ScheduleEntry, type Schedules } from './schedules';
export {
  type ClockKind,
  type SlaClockEntry,
  type SlaPolicy,
  CLOCK_KIND_LABELS,
  CLOCK_KINDS,
  listSlaClocks,
} from './sla-policy';
export { type ServiceMode, type Subsystem, SERVICE_MODE_LABELS, SERVICE_MODES } from './subsystem';
export {
  type ScheduleDisplay,
  type SlaClockDisplay,
  type SubsystemDisplay,
  describeSubsystems,
} from './subsystem-display';
export {
  type ProfileValidation,
  summarizeProfile,
  validateProfile,
  validateProfileText,
} from './validate-profile';
