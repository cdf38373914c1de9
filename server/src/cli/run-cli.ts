import { AUDIT_USAGE, auditCommand } from './commands/audit-command';
import { CALENDAR_USAGE, calendarCommand } from './commands/calendar-command';
import { MIGRATE_USAGE, migrateCommand } from './commands/migrate-command';
import { PROFILE_USAGE, profileCommand } from './commands/profile-command';
import { RELEASE_USAGE, releaseCommand } from './commands/release-command';
import { REPORT_USAGE, reportCommand } from './commands/report-command';
import { SERVE_USAGE, serveCommand } from './commands/serve-command';
import { SLA_USAGE, slaCommand } from './commands/sla-command';
import { USER_USAGE, userCommand } from './commands/user-command';
import type { CliIo, Command } from './cli-io';
import { NoAnswerError, UsageError } from './cli-errors';

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  calendar: { run: calendarCommand, usage: CALENDAR_USAGE },
  sla: { run: slaCommand, usage: SLA_USAGE },
  profile: { run: profileCommand, usage: PROFILE_USAGE },
  serve: { run: serveCommand, usage: SERVE_USAGE },
  migrate: { run: migrateCommand, usage: MIGRATE_USAGE },
  user: { run: userCommand, usage: USER_USAGE },
  audit: { run: auditCommand, usage: AUDIT_USAGE },
  report: { run: reportCommand, usage: REPORT_USAGE },
  release: { run: releaseCommand, usage: RELEASE_USAGE },
};

export const CLI_USAGE = `运维台管理工具 yunwei

${Object.values(COMMANDS)
  .map((command) => command.usage)
  .join('\n\n')}`;

/** Runs one CLI invocation and returns its exit code: 0 done, 1 failed, 2 bad arguments or no answer. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout).write(`${CLI_USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  // The name is what the admin typed: `constructor` must not find what an object inherits.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.stderr.write(`未知的命令 "${name}"\n\n${CLI_USAGE}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`错误：${error.message}\n\n${error.usage}\n`);
      return 2;
    }
    if (error instanceof NoAnswerError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    io.stderr.write(`错误：${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
