import cn2024 from '../../../resources/calendars/cn-2024.json';
import cn2025 from '../../../resources/calendars/cn-2025.json';
import cn2026 from '../../../resources/calendars/cn-2026.json';
import { type CalendarNotice, calendarNoticeSchema } from './calendar-notice';
import { WorkingCalendar } from './working-calendar';

/** The notices shipped with the app. An admin adds later years as data; they reach clients by sync. */
export const builtinCalendarNotices: readonly CalendarNotice[] = [cn2024, cn2025, cn2026].map((notice) =>
  calendarNoticeSchema.parse(notice),
);

export function builtinCalendar(extraNotices: readonly CalendarNotice[] = []): WorkingCalendar {
  const extraYears = new Set(extraNotices.map((notice) => notice.year));
  return new WorkingCalendar([
    ...builtinCalendarNotices.filter((notice) => !extraYears.has(notice.year)),
    ...extraNotices,
  ]);
}
