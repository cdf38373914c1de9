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

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: '应为存在的日期，写作 YYYY-MM-DD，如 2027-01-01' });

/**
 * One year's State Council holiday notice (国务院办公厅关于部分节假日安排的通知), as shipped in
 * `resources/calendars/cn-YYYY.json` or added by an admin. Days it does not name follow the week:
 * Monday–Friday work, Saturday–Sunday rest. The plausibility rules an added notice must also pass
 * (dates in its year, 调休 on weekends, the statutory days covered) are in calendar-notice-import.ts.
 */
export const calendarNoticeSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    notice: z.string().trim().min(1, '请填写通知名称').max(200),
    source: z.string().trim().min(1, '请填写通知来源（如国务院网站的网址）').max(500),
    holidays: z
      .array(
        z
          .object({
            name: z.string().trim().min(1, '请填写节日名称').max(20),
            from: isoDateSchema,
            to: isoDateSchema,
            adjustedWorkdays: z.array(isoDateSchema).max(10),
          })
          .strict()
          .refine((holiday) => holiday.from <= holiday.to, {
            message: '放假结束日期早于开始日期',
            path: ['to'],
          }),
      )
      .max(20),
  })
  .strict()
  .superRefine((notice, context) => {
    const seen = new Map<string, string>();
    notice.holidays.forEach((holiday, index) => {
      const dates = [holiday.from, holiday.to, ...holiday.adjustedWorkdays];
      if (!dates.every(isIsoDate) || holiday.from > holiday.to) return;
      for (const date of [...expandRange(holiday.from, holiday.to), ...holiday.adjustedWorkdays]) {
        const earlier = seen.get(date);
        if (earlier !== undefined) {
          context.addIssue({
            code: 'custom',
            path: ['holidays', index],
            message: `${date} 出现了两次（${earlier}中已有这一天）`,
          });
        }
        seen.set(date, holiday.name);
      }
    });
  });

export type CalendarNotice = z.infer<typeof calendarNoticeSchema>;

export function expandRange(from: string, to: string): string[] {
  const first = isoDateToDayNumber(from);
  const last = isoDateToDayNumber(to);
  const dates: string[] = [];
  for (let day = first; day <= last; day += 1) {
    dates.push(dayNumberToIsoDate(day));
  }
  return dates;
}
