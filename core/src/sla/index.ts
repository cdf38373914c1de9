export {
  parseSchedule,
  scheduleFromText,
  formatSchedule,
  describeSchedule,
  openMinutesPerDay,
  SCHEDULE_SYNTAX,
  type Schedule,
  type ScheduleParseResult,
} from './schedule';
export {
  addWorkingTime,
  addWorkingMinutes,
  addWorkdays,
  measureWorkingTime,
  type Pause,
  type ClockContext,
} from './working-time';
export {
  CLOCK_TIMELINE_LABELS,
  TICKET_CLOCK_STATE_LABELS,
  TICKET_CLOCK_STATES,
  WARNING_FRACTION,
  ticketClock,
  ticketClockSpec,
  type ClockTimelineEntry,
  type TicketClockContext,
  type TicketClockKind,
  type TicketClockSpec,
  type TicketClockState,
  type TicketClockStatus,
} from './ticket-clock';
export { ticketClockProvisional, usesWorkingCalendar } from './provisional-clock';
