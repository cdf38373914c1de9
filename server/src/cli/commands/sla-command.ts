import { parseArgs } from 'node:util';
import { type WorkingCalendar, provisionalNote } from '@core/calendar';
import { describeMissingSlaClock, findSlaClock, loadDefaultProfile } from '@core/profile';
import {
  TICKET_CATEGORIES,
  TICKET_SEVERITIES,
  type TicketCategory,
  type TicketSeverity,
} from '@core/records/classification';
import { type Pause, addWorkdays, addWorkingMinutes, parseSchedule } from '@core/sla';
import { formatInstant, parseInstant } from '@core/time/shanghai-time';
import { databaseTargetOf, loadCliCalendar } from '../../calendar/cli-calendar';
import type { CliIo, Command } from '../cli-io';
import { NoAnswerError, UsageError } from '../cli-errors';
import { parseOptions, positiveInteger, requireOption } from '../parse-options';

export const SLA_USAGE = `用法：
  yunwei sla add --from ISO --minutes N --schedule SCHEDULE [--pause ISO/ISO]... [--data DIR]
  yunwei sla add --from ISO --workdays N [--pause ISO/ISO]... [--data DIR]
  yunwei sla deadline --subsystem N --category CATEGORY --severity SEVERITY --clock response|resolution --from ISO [--data DIR]
SCHEDULE：24x7、workday:HH:MM-HH:MM 或 daily:HH:MM-HH:MM
CATEGORY：${TICKET_CATEGORIES.join('|')}
SEVERITY：${TICKET_SEVERITIES.join('|')}
时间不带时区时按北京时间（Asia/Shanghai）理解；输出为 +08:00 的 ISO-8601 时间。
用到尚未发布通知的年份时，时限按法定节假日暂定，并在标准错误上以“暂定：”说明；管理员添加的年度日历
从数据库读取（DATABASE_URL 指向的 PostgreSQL，否则为 DIR，默认为 serve 使用的数据目录）。`;

export interface SlaCommandDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
}

export function createSlaCommand(deps: SlaCommandDeps): Command {
  return async (args, io) => {
    const [subcommand, ...rest] = args;
    if (subcommand === 'add') return slaAdd(rest, io, deps);
    if (subcommand === 'deadline') return slaDeadline(rest, io, deps);
    throw new UsageError(
      subcommand ? `未知的子命令 "sla ${subcommand}"` : '缺少子命令（add 或 deadline）',
      SLA_USAGE,
    );
  };
}

export const slaCommand: Command = createSlaCommand({ env: process.env });

/**
 * Computes on the shipped calendar first; only when that touched a year without a notice is the
 * database asked for the years an admin added. A deadline still on a provisional year is printed as
 * usual, with the reason on stderr.
 */
async function printDeadline(
  io: CliIo,
  deps: SlaCommandDeps,
  dataOption: string | undefined,
  from: number,
  compute: (calendar: WorkingCalendar) => number,
): Promise<number> {
  let shippedAnswer: { readonly calendar: WorkingCalendar; readonly deadline: number } | undefined;
  const loaded = await loadCliCalendar(databaseTargetOf(deps.env, dataOption), (shipped) => {
    shippedAnswer = { calendar: shipped, deadline: compute(shipped) };
    return provisionalNote(shipped, from, shippedAnswer.deadline) !== null;
  });
  if (loaded.unreadable !== undefined) {
    io.stderr.write(`无法读取数据库中添加的节假日安排（${loaded.unreadable}）\n`);
  }
  // The shipped calendar's answer stands unless the database's notices gave another calendar.
  const deadline =
    shippedAnswer?.calendar === loaded.calendar ? shippedAnswer.deadline : compute(loaded.calendar);
  const note = provisionalNote(loaded.calendar, from, deadline);
  if (note !== null) io.stderr.write(`${note.text}\n`);
  io.stdout.write(`${formatInstant(deadline)}\n`);
  return 0;
}

async function slaAdd(args: readonly string[], io: CliIo, deps: SlaCommandDeps): Promise<number> {
  const { values, positionals } = parseOptions(SLA_USAGE, () =>
    parseArgs({
      args: [...args],
      options: {
        from: { type: 'string' },
        minutes: { type: 'string' },
        workdays: { type: 'string' },
        schedule: { type: 'string' },
        pause: { type: 'string', multiple: true },
        data: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    }),
  );
  rejectPositionals(positionals);
  const from = instantOption(requireOption(values.from, 'from', SLA_USAGE), 'from');
  const pauses = (values.pause ?? []).map(parsePause);

  if (values.workdays !== undefined) {
    if (values.minutes !== undefined || values.schedule !== undefined) {
      throw new UsageError('--workdays 不能与 --minutes 或 --schedule 同时使用', SLA_USAGE);
    }
    const workdays = positiveInteger(values.workdays, 'workdays', SLA_USAGE);
    return printDeadline(io, deps, values.data, from, (calendar) =>
      addWorkdays(from, workdays, calendar, pauses),
    );
  }

  const minutes = positiveInteger(requireOption(values.minutes, 'minutes', SLA_USAGE), 'minutes', SLA_USAGE);
  const scheduleText = requireOption(values.schedule, 'schedule', SLA_USAGE);
  const parsed = parseSchedule(scheduleText);
  if (!parsed.ok) throw new UsageError(`--schedule：${parsed.reason}`, SLA_USAGE);
  return printDeadline(io, deps, values.data, from, (calendar) =>
    addWorkingMinutes(from, minutes, { schedule: parsed.schedule, calendar, pauses }),
  );
}

async function slaDeadline(args: readonly string[], io: CliIo, deps: SlaCommandDeps): Promise<number> {
  const { values, positionals } = parseOptions(SLA_USAGE, () =>
    parseArgs({
      args: [...args],
      options: {
        subsystem: { type: 'string' },
        category: { type: 'string' },
        severity: { type: 'string' },
        clock: { type: 'string' },
        from: { type: 'string' },
        data: { type: 'string' },
      },
      strict: true,
      allowPositionals: true,
    }),
  );
  rejectPositionals(positionals);
  const subsystemId = positiveInteger(
    requireOption(values.subsystem, 'subsystem', SLA_USAGE),
    'subsystem',
    SLA_USAGE,
  );
  const category = oneOf<TicketCategory>(values.category, 'category', TICKET_CATEGORIES);
  const severity = oneOf<TicketSeverity>(values.severity, 'severity', TICKET_SEVERITIES);
  const kind = oneOf<'response' | 'resolution'>(values.clock, 'clock', ['response', 'resolution']);
  const from = instantOption(requireOption(values.from, 'from', SLA_USAGE), 'from');

  const profile = loadDefaultProfile();
  if (!profile.subsystems.some((subsystem) => subsystem.id === subsystemId)) {
    const ids = profile.subsystems.map((subsystem) => subsystem.id).join('、');
    throw new UsageError(`合同中没有编号为 ${subsystemId} 的子系统（可选：${ids}）`, SLA_USAGE);
  }
  const found = findSlaClock(profile, subsystemId, category, severity, kind);
  if (found === undefined) {
    throw new NoAnswerError(describeMissingSlaClock(profile, subsystemId, category, severity, kind));
  }
  const { clock } = found;
  if ('workdays' in clock) {
    return printDeadline(io, deps, values.data, from, (calendar) =>
      addWorkdays(from, clock.workdays, calendar),
    );
  }
  const schedule = parseSchedule(found.schedule ?? '');
  if (!schedule.ok) throw new Error(`合同配置中的服务时间无效：${schedule.reason}`);
  return printDeadline(io, deps, values.data, from, (calendar) =>
    addWorkingMinutes(from, clock.minutes, { schedule: schedule.schedule, calendar }),
  );
}

function rejectPositionals(positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`, SLA_USAGE);
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T {
  const given = requireOption(value, name, SLA_USAGE);
  if (!(allowed as readonly string[]).includes(given)) {
    throw new UsageError(`--${name} 应为 ${allowed.join('|')} 之一，收到 "${given}"`, SLA_USAGE);
  }
  return given as T;
}

function instantOption(text: string, name: string): number {
  try {
    return parseInstant(text);
  } catch (error) {
    throw new UsageError(`--${name}：${error instanceof Error ? error.message : String(error)}`, SLA_USAGE);
  }
}

function parsePause(text: string): Pause {
  const parts = text.split('/');
  if (parts.length !== 2) throw new UsageError(`--pause 应为 开始/结束 两个时间，收到 "${text}"`, SLA_USAGE);
  const start = instantOption(parts[0] as string, 'pause');
  const end = instantOption(parts[1] as string, 'pause');
  if (end < start) throw new UsageError(`--pause 的结束时间早于开始时间："${text}"`, SLA_USAGE);
  return { start, end };
}
