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
