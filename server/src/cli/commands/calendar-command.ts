import { parseArgs } from 'node:util';
import { builtinCalendar } from '@core/calendar';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';

export const CALENDAR_USAGE =
  '用法：yunwei calendar YEAR\n  输出该年每一天是否为工作日（含调休）的 JSON 数组。';

export const calendarCommand: Command = async (args, io) => {
  const { positionals } = parseOptions(CALENDAR_USAGE, () =>
    parseArgs({ args: [...args], options: {}, strict: true, allowPositionals: true }),
  );
  if (positionals.length !== 1) throw new UsageError('需要且只需要一个年份', CALENDAR_USAGE);
  const text = positionals[0] as string;
  if (!/^\d{4}$/.test(text)) throw new UsageError(`年份应为四位数字，收到 "${text}"`, CALENDAR_USAGE);
  const days = builtinCalendar().daysOfYear(Number(text));
  io.stdout.write(`[\n${days.map((day) => JSON.stringify(day)).join(',\n')}\n]\n`);
  return 0;
};
