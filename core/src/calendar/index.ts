export { calendarNoticeSchema, type CalendarNotice } from './calendar-notice';
export {
  importCalendarNotice,
  importCalendarNoticeText,
  describeCalendarImportIssues,
  type CalendarImportIssue,
  type CalendarImportResult,
} from './calendar-notice-import';
export {
  WorkingCalendar,
  CalendarYearMissingError,
  PROVISIONAL_YEARS,
  type CalendarDay,
} from './working-calendar';
export { builtinCalendar, builtinCalendarNotices } from './builtin-calendars';
export { statutoryHolidays, type StatutoryHoliday } from './statutory-holidays';
export { provisionalNote, type ProvisionalNote } from './provisional-note';
export {
  CALENDARS_PATH,
  calendarListResponseSchema,
  calendarPutResponseSchema,
  type CalendarListResponse,
  type CalendarPutResponse,
} from './calendar-api';
