import { z } from 'zod';
import { dayNumberToIsoDate, isoDateToDayNumber } from '../time/shanghai-time';

function isIsoDate(text: string): boolean {
  try {
    isoDateToDayNumber(text);
    return true;
  } catch {
    return false;
  }
}

const isoDate = z.string().refine(isIsoDate, { message: 'expected an existing date YYYY-MM-DD' });

/**
 * One year's State Council holiday notice (国务院办公厅关于部分节假日安排的通知), as shipped in
 * `resources/calendars/cn-YYYY.json` or added by an admin. Days it does not name follow the week:
 * Monday–Friday work, Saturday–Sunday rest.
 */
export const calendarNoticeSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    notice: z.string().min(1),
    source: z.string().min(1),
    holidays: z.array(
      z
        .object({
          name: z.string().min(1),
          from: isoDate,
          to: isoDate,
          adjustedWorkdays: z.array(isoDate),
        })
        .strict()
        .refine((holiday) => holiday.from <= holiday.to, {
          message: 'from must not be after to',
          path: ['to'],
        }),
    ),
  })
  .strict()
  .superRefine((notice, context) => {
    const seen = new Map<string, string>();
    notice.holidays.forEach((holiday, index) => {
      const dates = [holiday.from, holiday.to, ...holiday.adjustedWorkdays];
      if (!dates.every(isIsoDate)) return;
      for (const date of [...expandRange(holiday.from, holiday.to), ...holiday.adjustedWorkdays]) {
        const earlier = seen.get(date);
        if (earlier !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['holidays', index],
            message: `${date} is named twice (also by ${earlier})`,
          });
        }
        seen.set(date, holiday.name);
      }
    });
  });

export type CalendarNotice = z.infer<typeof calendarNoticeSchema>;

function expandRange(from: string, to: string): string[] {
  const first = isoDateToDayNumber(from);
  const last = isoDateToDayNumber(to);
  const dates: string[] = [];
  for (let day = first; day <= last; day += 1) {
    dates.push(dayNumberToIsoDate(day));
  }
  return dates;
}
