import { parseArgs } from 'node:util';
import { builtinCalendar } from '@core/calendar';
import { describeMissingSlaClock, findSlaClock, loadDefaultProfile } from '@core/profile';
import {
  TICKET_CATEGORIES,
  TICKET_SEVERITIES,
  type TicketCategory,
  type TicketSeverity,
} from '@core/records/classification';
import { type Pause, addWorkdays, addWorkingMinutes, parseSchedule } from '@core/sla';
import { formatInstant, parseInstant } from '@core/time/shanghai-time';
import type { Command } from '../cli-io';
import { NoAnswerError, UsageError } from '../cli-errors';
import { parseOptions, positiveInteger, requireOption } from '../parse-options';

export const SLA_USAGE = `用法：
  yunwei sla add --from ISO --minutes N --schedule SCHEDULE [--pause ISO/ISO]...
  yunwei sla add --from ISO --workdays N [--pause ISO/ISO]...
  yunwei sla deadline --subsystem N --category CATEGORY --severity SEVERITY --clock response|resolution --from ISO
SCHEDULE：24x7、workday:HH:MM-HH:MM 或 daily:HH:MM-HH:MM
CATEGORY：${TICKET_CATEGORIES.join('|')}
SEVERITY：${TICKET_SEVERITIES.join('|')}
时间不带时区时按北京时间（Asia/Shanghai）理解；输出为 +08:00 的 ISO-8601 时间。`;

export const slaCommand: Command = async (args, io) => {
  const [subcommand, ...rest] = args;
  if (subcommand === 'add') return slaAdd(rest, io);
  if (subcommand === 'deadline') return slaDeadline(rest, io);
  throw new UsageError(
    subcommand ? `未知的子命令 "sla ${subcommand}"` : '缺少子命令（add 或 deadline）',
    SLA_USAGE,
  );
};

const slaAdd: Command = async (args, io) => {
  const { values, positionals } = parseOptions(SLA_USAGE, () =>
    parseArgs({
      args: [...args],
      options: {
        from: { type: 'string' },
        minutes: { type: 'string' },
        workdays: { type: 'string' },
        schedule: { type: 'string' },
        pause: { type: 'string', multiple: true },
      },
      strict: true,
      allowPositionals: true,
    }),
  );
  rejectPositionals(positionals);
  const from = instantOption(requireOption(values.from, 'from', SLA_USAGE), 'from');
  const pauses = (values.pause ?? []).map(parsePause);
  const calendar = builtinCalendar();

  if (values.workdays !== undefined) {
    if (values.minutes !== undefined || values.schedule !== undefined) {
      throw new UsageError('--workdays 不能与 --minutes 或 --schedule 同时使用', SLA_USAGE);
    }
    const workdays = positiveInteger(values.workdays, 'workdays', SLA_USAGE);
    io.stdout.write(`${formatInstant(addWorkdays(from, workdays, calendar, pauses))}\n`);
    return 0;
  }

  const minutes = positiveInteger(requireOption(values.minutes, 'minutes', SLA_USAGE), 'minutes', SLA_USAGE);
  const scheduleText = requireOption(values.schedule, 'schedule', SLA_USAGE);
  const parsed = parseSchedule(scheduleText);
  if (!parsed.ok) throw new UsageError(`--schedule：${parsed.reason}`, SLA_USAGE);
  const deadline = addWorkingMinutes(from, minutes, { schedule: parsed.schedule, calendar, pauses });
  io.stdout.write(`${formatInstant(deadline)}\n`);
  return 0;
};

const slaDeadline: Command = async (args, io) => {
  const { values, positionals } = parseOptions(SLA_USAGE, () =>
    parseArgs({
      args: [...args],
      options: {
        subsystem: { type: 'string' },
        category: { type: 'string' },
        severity: { type: 'string' },
        clock: { type: 'string' },
        from: { type: 'string' },
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
  const calendar = builtinCalendar();
  const { clock } = found;
  let deadline: number;
  if ('workdays' in clock) {
    deadline = addWorkdays(from, clock.workdays, calendar);
  } else {
    const schedule = parseSchedule(found.schedule ?? '');
    if (!schedule.ok) throw new Error(`合同配置中的服务时间无效：${schedule.reason}`);
    deadline = addWorkingMinutes(from, clock.minutes, { schedule: schedule.schedule, calendar });
  }
  io.stdout.write(`${formatInstant(deadline)}\n`);
  return 0;
};

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
