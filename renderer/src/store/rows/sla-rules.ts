import { builtinCalendar, type CalendarNotice, type WorkingCalendar } from '@core/calendar';
import { loadDefaultProfile, type ContractProfile } from '@core/profile';

/** What a ticket's deadline is computed from: the contract profile in force and the working calendar. */
export interface SlaRules {
  readonly profile: ContractProfile;
  readonly calendar: WorkingCalendar;
}

let cached: SlaRules | undefined;

/**
 * The profile shipped with the app and the built-in State Council calendars. Once sync exists, the
 * profile HQ publishes replaces it (and the deadlines of open tickets are recomputed then).
 */
export function defaultSlaRules(): SlaRules {
  cached ??= { profile: loadDefaultProfile(), calendar: builtinCalendar() };
  return cached;
}

/** The same profile with the notices an admin added over the shipped years (they win for their year). */
export function slaRulesWithNotices(rules: SlaRules, notices: readonly CalendarNotice[]): SlaRules {
  return notices.length === 0 && rules === defaultSlaRules()
    ? rules
    : { profile: rules.profile, calendar: builtinCalendar(notices) };
}
