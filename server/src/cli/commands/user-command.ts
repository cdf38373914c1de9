import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ROLES, type Role, type UserScope, describeScope } from '@core/auth';
import { loadDefaultProfile } from '@core/profile';
import { formatInstant } from '@core/time/shanghai-time';
import {
  type AdminContext,
  type PasswordReader,
  type UserStatus,
  addUser,
  defaultDataDir,
  disableUser,
  listUserSummaries,
  readPasswordFromProcess,
  resetPassword,
  setUserScope,
  withMigratedDatabase,
} from '../../server';
import type { Command } from '../cli-io';
import { UsageError } from '../cli-errors';
import { parseOptions } from '../parse-options';
import { formatTable } from '../text-table';

export const USER_USAGE = `用法：yunwei user add NAME --role ROLE [--subsystems 1,5] [--units 1,2] [--password-stdin] [--data DIR]
      yunwei user list [--json] [--data DIR]
      yunwei user disable NAME [--data DIR]
      yunwei user reset-password NAME [--password-stdin] [--data DIR]
      yunwei user set-role NAME --role ROLE [--subsystems 1,5] [--units 1,2] [--data DIR]
  管理账户。ROLE：engineer（驻场工程师，须 --subsystems）、service_manager（服务经理，须 --units）、
  project_lead（项目负责人）、auditor（审计员，只读）。密码从不写在命令行上：终端中会提示输入
  （不回显）；脚本中用 --password-stdin 从标准输入的第一行读取。密码至少 8 位，含大写字母、小写字母、
  数字、符号中的至少 3 类。数据库：DATABASE_URL 指向的 PostgreSQL，否则为 DIR 中的内置数据库
  （内置数据库须先停止服务）。`;

const STATUS_LABELS: Readonly<Record<UserStatus, string>> = {
  active: '正常',
  locked: '已锁定',
  disabled: '已停用',
};

export interface UserCommandDeps {
  readonly readPassword: PasswordReader;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly now: () => number;
}

export function createUserCommand(deps: UserCommandDeps): Command {
  return async (args, io) => {
    const [subcommand, ...rest] = args;
    const { values, positionals } = parseOptions(USER_USAGE, () =>
      parseArgs({
        args: rest,
        options: {
          role: { type: 'string' },
          subsystems: { type: 'string' },
          units: { type: 'string' },
          'password-stdin': { type: 'boolean' },
          json: { type: 'boolean' },
          data: { type: 'string' },
        },
        strict: true,
        allowPositionals: true,
      }),
    );
    const target = deps.env.DATABASE_URL
      ? { databaseUrl: deps.env.DATABASE_URL }
      : { dataDir: values.data ?? defaultDataDir(deps.env) };
    const context = adminContext(deps.now());
    const fromStdin = values['password-stdin'] === true;

    switch (subcommand) {
      case 'add': {
        const name = onlyName(positionals);
        const scope = scopeFromOptions(values);
        const password = await deps.readPassword({ fromStdin });
        await withMigratedDatabase(target, (db) => addUser(db, { name, scope, password }, context));
        io.stdout.write(`已新增用户 ${name}：${describeScope(scope)}\n`);
        // The README's set-up starts here, before `npm start` has ever printed where its data lives.
        if ('dataDir' in target) io.stdout.write(`内置数据库的文件夹：${target.dataDir}\n`);
        return 0;
      }
      case 'list': {
        if (positionals.length > 0) throw new UsageError(`多余的参数：${positionals.join(' ')}`, USER_USAGE);
        const users = await withMigratedDatabase(target, (db) => listUserSummaries(db, context.now));
        if (values.json === true) {
          for (const user of users) io.stdout.write(`${JSON.stringify(user)}\n`);
        } else if (users.length === 0) {
          io.stdout.write('还没有用户：用 yunwei user add 新增\n');
        } else {
          const rows = users.map((user) => [
            user.name,
            describeScope(user.scope),
            user.lockedUntil === null
              ? STATUS_LABELS[user.status]
              : `已锁定至 ${shortTime(user.lockedUntil)}`,
            shortTime(user.createdAt),
          ]);
          io.stdout.write(`${formatTable(['用户名', '角色', '状态', '创建时间'], rows)}\n`);
        }
        return 0;
      }
      case 'disable': {
        const name = onlyName(positionals);
        const ended = await withMigratedDatabase(target, (db) => disableUser(db, name, context));
        io.stdout.write(`已停用用户 ${name}，并终止了 ${ended} 个登录\n`);
        return 0;
      }
      case 'reset-password': {
        const name = onlyName(positionals);
        const password = await deps.readPassword({ fromStdin });
        const ended = await withMigratedDatabase(target, (db) => resetPassword(db, name, password, context));
        io.stdout.write(`已重置用户 ${name} 的密码（锁定已解除），并终止了 ${ended} 个登录\n`);
        return 0;
      }
      case 'set-role': {
        const name = onlyName(positionals);
        const scope = scopeFromOptions(values);
        const ended = await withMigratedDatabase(target, (db) => setUserScope(db, name, scope, context));
        io.stdout.write(`已将用户 ${name} 设为 ${describeScope(scope)}，并终止了 ${ended} 个登录\n`);
        return 0;
      }
      default:
        throw new UsageError(subcommand ? `未知的子命令 "user ${subcommand}"` : '缺少子命令', USER_USAGE);
    }
  };
}

export const userCommand: Command = createUserCommand({
  readPassword: readPasswordFromProcess,
  env: process.env,
  now: Date.now,
});

function adminContext(now: number): AdminContext {
  const units = loadDefaultProfile().documentSystem?.units ?? [];
  return { actor: `cli:${userInfo().username}`, now, knownUnitIds: units.map((unit) => unit.id) };
}

function onlyName(positionals: readonly string[]): string {
  if (positionals.length !== 1) throw new UsageError('需要且只需要一个用户名', USER_USAGE);
  return positionals[0] as string;
}

function scopeFromOptions(values: { role?: string; subsystems?: string; units?: string }): UserScope {
  const role = values.role;
  if (role === undefined) throw new UsageError('缺少参数 --role', USER_USAGE);
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new UsageError(`--role 应为 ${ROLES.join('、')} 之一，收到 "${role}"`, USER_USAGE);
  }
  const wants = (name: 'subsystems' | 'units', forRole: Role) => {
    const given = values[name];
    if (role !== forRole && given !== undefined) {
      throw new UsageError(`--${name} 只用于 ${forRole} 角色`, USER_USAGE);
    }
    if (role === forRole && given === undefined)
      throw new UsageError(`${forRole} 角色须给出 --${name}`, USER_USAGE);
    return given === undefined ? [] : idList(given, name);
  };
  const subsystemIds = wants('subsystems', 'engineer');
  const unitIds = wants('units', 'service_manager');
  switch (role as Role) {
    case 'engineer':
      return { role: 'engineer', subsystemIds };
    case 'service_manager':
      return { role: 'service_manager', unitIds };
    case 'project_lead':
      return { role: 'project_lead' };
    case 'auditor':
      return { role: 'auditor' };
  }
}

function idList(text: string, name: string): number[] {
  const parts = text.split(/[,，、]/).map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) {
    throw new UsageError(`--${name} 应为逗号分隔的编号，如 1,5；收到 "${text}"`, USER_USAGE);
  }
  return parts.map(Number);
}

function shortTime(instant: number): string {
  return formatInstant(instant).slice(0, 16).replace('T', ' ');
}
