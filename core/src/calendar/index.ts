export { calendarNoticeSchema, type CalendarNotice } from './calendar-notice';
export { WorkingCalendar, CalendarYearMissingError, type CalendarDay } from './working-calendar';
export { builtinCalendar, builtinCalendarNotices } from './builtin-calendars';
