import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { describeCalendarImportIssues, importCalendarNoticeText } from '@core/calendar';
import { userInfo } from 'node:os';
import { databaseTargetOf, loadCliCalendar } from '../../calendar/cli-calendar';
import { saveNoticeAudited } from '../../calendar/calendar-store';
import { withMigratedDatabase } from '../../db/with-database';
import { errorReason } from '../../error-reason';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';

export const CALENDAR_USAGE = `用法：yunwei calendar YEAR [--data DIR]
      yunwei calendar import FILE [--data DIR]
  calendar YEAR：输出该年每一天是否为工作日（含调休）的 JSON 数组；尚未发布通知的年份按法定节假日暂定，
    每天带 "provisional": true，并在标准错误上说明。
  calendar import FILE：检查并导入一年的国务院节假日安排（resources/calendars/ 的格式，或 holiday-cn 的
    {"year","papers","days":[{"name","date","isOffDay"}]} 格式），导入后各电脑同步时收到。
  数据库：DATABASE_URL 指向的 PostgreSQL，否则为 DIR（默认为 serve 使用的数据目录）中的内置数据库。`;

export interface CalendarCommandDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
}

export function createCalendarCommand(deps: CalendarCommandDeps): Command {
  return async (args, io) => {
    const { values, positionals } = parseOptions(CALENDAR_USAGE, () =>
      parseArgs({
        args: [...args],
        options: { data: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      }),
    );
    const target = databaseTargetOf(deps.env, values.data);
    if (positionals[0] === 'import') {
      if (positionals.length !== 2)
        throw new UsageError('calendar import 需要且只需要一个文件', CALENDAR_USAGE);
      return importNotice(positionals[1] as string);
    }
    if (positionals.length !== 1) throw new UsageError('需要且只需要一个年份', CALENDAR_USAGE);
    const text = positionals[0] as string;
    if (!/^\d{4}$/.test(text)) throw new UsageError(`年份应为四位数字，收到 "${text}"`, CALENDAR_USAGE);
    const year = Number(text);

    const { calendar, unreadable } = await loadCliCalendar(target, (shipped) => !shipped.hasYear(year));
    if (unreadable !== undefined) io.stderr.write(`无法读取数据库中添加的节假日安排（${unreadable}）\n`);
    const days = calendar.daysOfYear(year);
    if (!calendar.hasYear(year)) {
      io.stderr.write(
        `暂定：${year} 年的节假日安排（国务院通知）尚未添加，以下按《全国年节及纪念日放假办法》的法定节假日推算，调休上班日未计入；通知发布后请用 yunwei calendar import 导入\n`,
      );
    }
    io.stdout.write(`[\n${days.map((day) => JSON.stringify(day)).join(',\n')}\n]\n`);
    return 0;

    async function importNotice(file: string): Promise<number> {
      let content: string;
      try {
        content = await readFile(file, 'utf8');
      } catch (error) {
        io.stderr.write(`错误：无法读取文件 ${file}：${errorReason(error)}\n`);
        return 1;
      }
      const checked = importCalendarNoticeText(content);
      if (!checked.ok) {
        io.stderr.write(
          `${file} 有 ${checked.issues.length} 处问题，未导入：\n${describeCalendarImportIssues(checked.issues)}\n`,
        );
        return 1;
      }
      const { notice } = checked;
      const author = { actor: `cli:${userInfo().username}`, ip: null };
      const outcome = await withMigratedDatabase(target, (db) =>
        saveNoticeAudited(db, notice, author, deps.now()),
      );
      const offDays = notice.holidays.reduce(
        (count, holiday) => count + (Date.parse(holiday.to) - Date.parse(holiday.from)) / 86_400_000 + 1,
        0,
      );
      const workdays = notice.holidays.reduce((count, holiday) => count + holiday.adjustedWorkdays.length, 0);
      const verb = { added: '已导入', replaced: '已更新', unchanged: '数据库中已有相同的' }[outcome];
      io.stdout.write(
        `${verb} ${notice.year} 年节假日安排：${notice.holidays.length} 个节日，${offDays} 个放假日，${workdays} 个调休上班日；各电脑下次同步时收到\n`,
      );
      return 0;
    }
  };
}

export const calendarCommand: Command = createCalendarCommand({ env: process.env, now: Date.now });
