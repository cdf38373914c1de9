import {
  type CalendarImportIssue,
  type CalendarImportResult,
  importCalendarNotice,
  importCalendarNoticeText,
  statutoryHolidays,
} from '@core/calendar';
import { dayNumberToIsoDate } from '@core/time/shanghai-time';

/** One holiday as the lead types it: dates as YYYY-MM-DD, the 调休 working days separated by 、 or commas. */
export interface HolidayRow {
  readonly name: string;
  readonly from: string;
  readonly to: string;
  readonly adjustedWorkdays: string;
}

export interface NoticeForm {
  readonly year: number;
  readonly notice: string;
  readonly source: string;
  readonly rows: readonly HolidayRow[];
}

export function defaultNoticeTitle(year: number): string {
  return `国务院办公厅关于${year}年部分节假日安排的通知`;
}

/** A first draft: the days the law fixes, which every notice gives off; the lead adds the rest. */
export function statutoryDraft(year: number): HolidayRow[] {
  return statutoryHolidays(year).map((holiday) => {
    const first = holiday.days[0] as number;
    const last = holiday.days[holiday.days.length - 1] as number;
    return {
      name: holiday.name,
      from: dayNumberToIsoDate(first),
      to: dayNumberToIsoDate(last),
      adjustedWorkdays: '',
    };
  });
}

/** The form as a notice in the shipped layout, checked as an import is. */
export function checkNoticeForm(form: NoticeForm): CalendarImportResult {
  const holidays = form.rows.map((row) => ({
    name: row.name.trim(),
    from: row.from.trim(),
    to: row.to.trim() === '' ? row.from.trim() : row.to.trim(),
    adjustedWorkdays: row.adjustedWorkdays
      .split(/[、,，;；\s]+/)
      .map((date) => date.trim())
      .filter((date) => date !== ''),
  }));
  const result = importCalendarNotice({
    year: form.year,
    notice: form.notice,
    source: form.source,
    holidays,
  });
  return result.ok ? result : { ok: false, issues: result.issues.map((issue) => inFormWords(issue, form)) };
}

/** Pasted text in either layout (the shipped one, or holiday-cn's). */
export function checkNoticeText(text: string): CalendarImportResult {
  if (text.trim() === '')
    return { ok: false, issues: [{ path: '粘贴内容', message: '请粘贴节假日安排的数据' }] };
  return importCalendarNoticeText(text);
}

const FORM_FIELDS: Readonly<Record<string, string>> = {
  name: '节日名称',
  from: '放假开始',
  to: '放假结束',
  adjustedWorkdays: '调休上班日',
  notice: '通知名称',
  source: '通知来源',
  year: '年份',
};

/** `holidays[3].adjustedWorkdays[0]` → `第 4 行（劳动节）的调休上班日`: where the lead typed it. */
function inFormWords(issue: CalendarImportIssue, form: NoticeForm): CalendarImportIssue {
  const row = /^holidays\[(\d+)\](?:\.(\w+))?/.exec(issue.path);
  if (row !== null) {
    const index = Number(row[1]);
    const name = form.rows[index]?.name.trim() ?? '';
    const field = row[2] === undefined ? '' : `的${FORM_FIELDS[row[2]] ?? row[2]}`;
    return { path: `第 ${index + 1} 行${name === '' ? '' : `（${name}）`}${field}`, message: issue.message };
  }
  if (issue.path === '(root)') return { path: '整份安排', message: issue.message };
  return { path: FORM_FIELDS[issue.path] ?? issue.path, message: issue.message };
}
