export { CalendarPage } from './CalendarPage';
export { NextYearCalendarNotice } from './NextYearCalendarNotice';
