import { z } from 'zod';
import { formatPath } from '../profile/profile-issues';
import { parseJsonText } from '../profile/json-text';
import { dayNumberToIsoDate, isoDateToDayNumber, weekdayOf } from '../time/shanghai-time';
import { type CalendarNotice, calendarNoticeSchema, expandRange, isoDateSchema } from './calendar-notice';
import { statutoryHolidays } from './statutory-holidays';
import { PROVISIONAL_YEARS } from './working-calendar';

/** One problem in an imported notice: where in the file (a JSON path such as `holidays[1].to`) and why. */
export interface CalendarImportIssue {
  readonly path: string;
  readonly message: string;
}

export type CalendarImportResult =
  | { readonly ok: true; readonly notice: CalendarNotice }
  | { readonly ok: false; readonly issues: readonly CalendarImportIssue[] };

/** A notice names at most this many days off, weekends included (2026's has 33). */
const MAX_OFF_DAYS = 45;
/** The longest holiday a notice has given (春节 2026: nine days), with room to spare. */
const MAX_HOLIDAY_DAYS = 12;
/** A holiday may begin in the last days of the year before (the 2023 notice's 元旦 began 2022-12-31). */
const DAYS_BEFORE_YEAR = 7;

const zhCN = z.locales.zhCN().localeError;

/**
 * The public holiday-cn layout (github.com/NateScarlet/holiday-cn): every named day with its holiday's
 * name and whether it is off; a day named but not off is a 调休 working day.
 */
const holidayCnSchema = z
  .object({
    $schema: z.string().optional(),
    $id: z.string().optional(),
    year: z.number().int().min(2000).max(2100),
    papers: z.array(z.string()),
    days: z.array(
      z
        .object({
          name: z.string().trim().min(1, '请填写节日名称'),
          date: isoDateSchema,
          isOffDay: z.boolean(),
        })
        .strict(),
    ),
  })
  .strict();

/** A day the notice names, wherever the file names it. */
interface NamedDay {
  readonly date: string;
  readonly off: boolean;
  readonly name: string;
  readonly path: string;
}

/** Reads the text of a notice file in either layout (resources/calendars/ or holiday-cn). */
export function importCalendarNoticeText(text: string): CalendarImportResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return {
      ok: false,
      issues: parsed.issues.map((issue) => ({
        path: `第 ${issue.line} 行第 ${issue.column} 列`,
        message: issue.message.startsWith('duplicate key')
          ? '同一个键写了两次'
          : '不是有效的 JSON，请检查括号、引号和逗号',
      })),
    };
  }
  return importCalendarNotice(parsed.value);
}

/**
 * Checks a notice an admin adds, in either layout, and gives it in the shipped layout. Besides the
 * schema: every date in the notice's year, no day named twice, 调休 working days on a weekend, every
 * day the law fixes as a holiday given off, and a plausible count of days off.
 */
export function importCalendarNotice(value: unknown): CalendarImportResult {
  const isHolidayCn = typeof value === 'object' && value !== null && Object.hasOwn(value, 'days');
  return isHolidayCn ? importHolidayCn(value) : importShippedLayout(value);
}

function importShippedLayout(value: unknown): CalendarImportResult {
  const result = calendarNoticeSchema.safeParse(value, { error: zhCN });
  if (!result.success) return { ok: false, issues: zodIssues(result.error) };
  const notice = result.data;
  const days: NamedDay[] = notice.holidays.flatMap((holiday, index) => [
    ...expandRange(holiday.from, holiday.to).map((date) => ({
      date,
      off: true,
      name: holiday.name,
      path: formatPath(['holidays', index]),
    })),
    ...holiday.adjustedWorkdays.map((date, day) => ({
      date,
      off: false,
      name: holiday.name,
      path: formatPath(['holidays', index, 'adjustedWorkdays', day]),
    })),
  ]);
  const issues = [
    ...notice.holidays.flatMap((holiday, index) =>
      holidayLengthIssues(holiday, formatPath(['holidays', index])),
    ),
    ...plausibilityIssues(notice.year, days),
  ];
  return issues.length > 0 ? { ok: false, issues } : { ok: true, notice };
}

function importHolidayCn(value: unknown): CalendarImportResult {
  const result = holidayCnSchema.safeParse(value, { error: zhCN });
  if (!result.success) return { ok: false, issues: zodIssues(result.error) };
  const file = result.data;
  const days: NamedDay[] = file.days.map((day, index) => ({
    date: day.date,
    off: day.isOffDay,
    name: day.name,
    path: formatPath(['days', index]),
  }));
  const duplicates = duplicateIssues(days);
  if (duplicates.length > 0) return { ok: false, issues: duplicates };

  const holidays: CalendarNotice['holidays'][number][] = [];
  const issues: CalendarImportIssue[] = [];
  const byName = new Map<string, NamedDay[]>();
  for (const day of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    byName.set(day.name, [...(byName.get(day.name) ?? []), day]);
  }
  for (const [name, named] of byName) {
    const off = named.filter((day) => day.off);
    const first = off[0];
    const last = off[off.length - 1];
    if (first === undefined || last === undefined) {
      issues.push({ path: named[0]?.path ?? '(root)', message: `“${name}”只有调休上班日，没有放假日期` });
      continue;
    }
    const span = isoDateToDayNumber(last.date) - isoDateToDayNumber(first.date) + 1;
    if (span !== off.length) {
      issues.push({ path: first.path, message: `“${name}”的放假日期不连续，请检查是否漏了某一天` });
      continue;
    }
    const holiday = {
      name,
      from: first.date,
      to: last.date,
      adjustedWorkdays: named.filter((day) => !day.off).map((day) => day.date),
    };
    issues.push(...holidayLengthIssues(holiday, first.path));
    holidays.push(holiday);
  }
  issues.push(...plausibilityIssues(file.year, days));
  if (issues.length > 0) return { ok: false, issues };
  holidays.sort((a, b) => a.from.localeCompare(b.from));
  return {
    ok: true,
    notice: {
      year: file.year,
      notice: `国务院办公厅关于${file.year}年部分节假日安排的通知`,
      source: file.papers[0] ?? 'holiday-cn',
      holidays,
    },
  };
}

function holidayLengthIssues(
  holiday: { name: string; from: string; to: string },
  path: string,
): CalendarImportIssue[] {
  const length = isoDateToDayNumber(holiday.to) - isoDateToDayNumber(holiday.from) + 1;
  return length > MAX_HOLIDAY_DAYS
    ? [{ path, message: `“${holiday.name}”连续放假 ${length} 天，超过 ${MAX_HOLIDAY_DAYS} 天，请检查日期` }]
    : [];
}

function duplicateIssues(days: readonly NamedDay[]): CalendarImportIssue[] {
  const seen = new Map<string, NamedDay>();
  const issues: CalendarImportIssue[] = [];
  for (const day of days) {
    const earlier = seen.get(day.date);
    if (earlier !== undefined) {
      issues.push({ path: day.path, message: `${day.date} 出现了两次（${earlier.path} 已有这一天）` });
    }
    seen.set(day.date, day);
  }
  return issues;
}

function plausibilityIssues(year: number, days: readonly NamedDay[]): CalendarImportIssue[] {
  const issues: CalendarImportIssue[] = [];
  const firstAllowed = isoDateToDayNumber(`${year}-01-01`) - DAYS_BEFORE_YEAR;
  const lastAllowed = isoDateToDayNumber(`${year}-12-31`);
  for (const day of days) {
    const dayNumber = isoDateToDayNumber(day.date);
    if (dayNumber < firstAllowed || dayNumber > lastAllowed) {
      issues.push({ path: day.path, message: `${day.date} 不在 ${year} 年内：一份通知只安排本年度的节假日` });
    } else if (!day.off && weekdayOf(dayNumber) !== 0 && weekdayOf(dayNumber) !== 6) {
      issues.push({
        path: day.path,
        message: `调休上班日 ${day.date} 是${WEEKDAY_NAMES[weekdayOf(dayNumber)]}，本来就要上班；调休上班日应是周六或周日`,
      });
    }
  }
  const offDates = new Set(days.filter((day) => day.off).map((day) => day.date));
  if (year >= PROVISIONAL_YEARS.first && year <= PROVISIONAL_YEARS.last) {
    for (const holiday of statutoryHolidays(year)) {
      const missing = holiday.days.map(dayNumberToIsoDate).filter((date) => !offDates.has(date));
      if (missing.length > 0) {
        issues.push({
          path: '(root)',
          message: `按《全国年节及纪念日放假办法》，${missing.join('、')}（${holiday.name}）应当放假，但通知中没有安排`,
        });
      }
    }
  }
  if (offDates.size > MAX_OFF_DAYS) {
    issues.push({
      path: '(root)',
      message: `通知中共有 ${offDates.size} 个放假日，多于 ${MAX_OFF_DAYS} 个，不像是一年的节假日安排，请检查日期`,
    });
  }
  return issues;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function zodIssues(error: z.ZodError): CalendarImportIssue[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: formatPath([...issue.path, key]),
          message: '不认识的字段，请删除或检查拼写',
        }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

/** "holidays[1].to：放假结束日期早于开始日期", one problem a line. */
export function describeCalendarImportIssues(issues: readonly CalendarImportIssue[]): string {
  return issues.map((issue) => `${issue.path}：${issue.message}`).join('\n');
}
